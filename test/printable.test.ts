// What stderr shows of a value: every control character, DEL, C1 control, bidirectional override
// and lone surrogate made visible; long values cut in the middle; one line, capped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControl, hasControlCharacters, MAX_LINE, printableLine, quote, shorten } from '../src/core/printable.js';

test('control characters become visible escapes', () => {
  assert.equal(escapeControl('\u001b]0;PWNED\u0007'), '\\x1b]0;PWNED\\x07');
  assert.equal(escapeControl('a\r\nb\tc'), 'a\\r\\nb\\tc');
  assert.equal(escapeControl('\u0000\u007f\u0085\u009b'), '\\x00\\x7f\\x85\\x9b');
  assert.equal(escapeControl('abc\u202edcba\u2066x\u2069'), 'abc\\u202edcba\\u2066x\\u2069');
  assert.equal(escapeControl('lone \ud800 surrogate'), 'lone \\ud800 surrogate');
  assert.equal(escapeControl('名字 ok 😀'), '名字 ok 😀', 'ordinary text and emoji pass');
  assert.ok(hasControlCharacters('a\u009bb') && !hasControlCharacters('plain'));
});

test('long values are cut in the middle, saying how much', () => {
  const cut = shorten('x'.repeat(1000), 120);
  assert.ok(cut.length < 160, cut);
  assert.match(cut, /…\(904 more characters\)…/);
  assert.equal(shorten('short'), 'short');
  assert.equal(quote('\u001b[2J'), '"\\x1b[2J"');
});

test('a line is one line, with quoted values and runs shortened and a cap', () => {
  const line = printableLine(`--lb "${'A'.repeat(1_000_000)}": must look like lb-xxxxxxxx\nsecond line`);
  assert.ok(!line.includes('\n'));
  assert.ok(line.length < 300, `${line.length}`);
  assert.match(line, /: must look like lb-xxxxxxxx\\nsecond line$/, 'the rule itself survives the cut');
  const words = printableLine('word '.repeat(1000));
  assert.ok(words.length <= MAX_LINE + 40, `${words.length}`);
});
