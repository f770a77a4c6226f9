// The catalogue's building blocks: placeholders, filling, the language choice and display width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseLanguage,
  defineMessages,
  fill,
  languageOfTag,
  localeLanguage,
  placeholders,
  render,
  message,
  say,
} from '../src/core/i18n.js';
import { displayWidth, padEndWidth, padStartWidth, truncateWidth } from '../src/core/width.js';

test('placeholders are %{name}, never the {Field.Path} references of validation messages', () => {
  assert.deepEqual(placeholders('%{b} then %{a} and %{b} beside {HealthCheck.TimeOut}'), ['a', 'b']);
  assert.equal(fill('port %{port} of {Ports}', { port: 80 }), 'port 80 of {Ports}');
  assert.throws(() => fill('needs %{id}', {}), /%\{id\} has no value/);
});

test('a message is filled in the language asked for', () => {
  const catalogue = defineMessages({ created: { en: 'created %{id}', zh: '已创建 %{id}' } });
  assert.equal(say('zh', catalogue.created, { id: 'lbl-1' }), '已创建 lbl-1');
  assert.equal(render('en', message(catalogue.created, { id: 'lbl-1' })), 'created lbl-1');
});

test('locale tags: zh_* is Chinese, C/POSIX/en_* English, anything else unknown', () => {
  for (const tag of ['zh_CN.UTF-8', 'zh-CN', 'zh', 'ZH_tw', 'zh_CN@pinyin']) assert.equal(languageOfTag(tag), 'zh', tag);
  for (const tag of ['en_US.UTF-8', 'en-US', 'C', 'C.UTF-8', 'POSIX']) assert.equal(languageOfTag(tag), 'en', tag);
  for (const tag of ['', 'fr_FR.UTF-8', 'zhx']) assert.equal(languageOfTag(tag), undefined, tag);
  assert.equal(localeLanguage({ LANG: 'zh_CN.UTF-8' }), 'zh');
  assert.equal(localeLanguage({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en', 'LC_ALL wins, as setlocale does');
  assert.equal(localeLanguage({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
  assert.equal(localeLanguage({ LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh', 'an empty variable is unset');
  assert.equal(localeLanguage({}), 'en');
});

test('the language: --language, then CLB_LISTENER_LANG, then the profile, then the locale, else English', () => {
  const env = { LANG: 'zh_CN.UTF-8' };
  assert.deepEqual(chooseLanguage({ env }), { language: 'zh', source: 'locale' });
  assert.deepEqual(chooseLanguage({ env, profile: 'en-US' }), { language: 'en', source: 'profile' });
  assert.deepEqual(chooseLanguage({ env: { ...env, CLB_LISTENER_LANG: 'en-US' }, profile: 'zh-CN' }), {
    language: 'en',
    source: 'CLB_LISTENER_LANG',
  });
  assert.deepEqual(chooseLanguage({ env: { CLB_LISTENER_LANG: 'zh-CN' }, option: 'en-US' }), { language: 'en', source: '--language' });
  assert.deepEqual(chooseLanguage({ env: {} }), { language: 'en', source: 'default' });
  assert.deepEqual(chooseLanguage({ env: { LANG: 'fr_FR.UTF-8' } }), { language: 'en', source: 'locale' });
});

test('display width: CJK and emoji take two columns, combining marks and colour none', () => {
  assert.equal(displayWidth('web'), 3);
  assert.equal(displayWidth('网站'), 4);
  assert.equal(displayWidth('ｗｅｂ'), 6, 'fullwidth forms');
  assert.equal(displayWidth('😀'), 2);
  assert.equal(displayWidth('e\u0301'), 1, 'a combining accent adds nothing');
  assert.equal(displayWidth('\u001b[32mok\u001b[39m'), 2);
  assert.equal(padEndWidth('网站', 6), '网站  ');
  assert.equal(padStartWidth('ab', 4), '  ab');
  assert.equal(truncateWidth('负载均衡监听器', 7), '负载均…');
  assert.equal(displayWidth(truncateWidth('负载均衡监听器', 6)), 5, 'never half a wide character');
  assert.equal(truncateWidth('short', 10), 'short');
});
