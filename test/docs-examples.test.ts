// The pages a newcomer reads after the README run as written against a default emulator, one after
// the other in one directory, as someone pasting them would: docs/forwarding-rules.md's commands,
// docs/listeners-as-code.md's files and commands (apply, the prune scope, export), and
// docs/targets.md's commands (--target, --wait-healthy, a rule's Targets).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runAgainst } from './helpers/cli.js';
import { markdownFiles } from './helpers/guide.js';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';

const exec = promisify(execFile);
const page = (name: string) => readFileSync(join(REPO_ROOT, 'docs', name), 'utf8');
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
/** Shell lines of a block: continuations joined, comments dropped. */
const lines = (block: string) =>
  block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'));
const shellWords = (line: string): string[] => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('docs pages after the README, against a default emulator', () => {
  let emu: InProcessEmulator;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clb-docs-examples-'));
    // The README's example 3 pair, which listeners-as-code.md's first file reads; made before the
    // emulator starts, whose clock starts at the real time then (the certificate must not begin later).
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const pair = lines(blocks(readme, 'sh').find((b) => b.startsWith('openssl req '))!)[0]!;
    await exec('bash', ['--norc', '--noprofile', '-euc', pair], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    emu = await inProcessEmulator({ taskDelayMs: 0 });
  });
  after(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One pasted line: clb-listener in this process (`> file` kept, pipes skipped), anything else in bash. */
  async function paste(line: string): Promise<void> {
    if (!line.startsWith('clb-listener ')) {
      await exec('bash', ['--norc', '--noprofile', '-euc', line], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
      return;
    }
    if (line.includes(' | ')) return; // needs jq
    const [command, redirect] = line.split(/\s+>\s+/);
    const result = await runAgainst(emu, shellWords(command!).slice(1), { cwd: dir });
    assert.equal(result.code, 0, `${line}\n${result.stderr}`);
    assert.doesNotMatch(result.stderr, /warning/, line);
    if (redirect) writeFileSync(join(dir, redirect), result.stdout);
  }

  test('forwarding-rules.md: a listener with its rules, then rule list, create, modify (a certificate rotation) and delete', async () => {
    const shown = blocks(page('forwarding-rules.md'), 'sh').flatMap(lines);
    assert.ok(shown.filter((l) => l.startsWith('clb-listener ')).length >= 6, shown.join('\n'));
    for (const line of shown) await paste(line);
    const rules = await runAgainst(emu, [
      'rule',
      'list',
      '--lb',
      'lb-emu00001',
      '--port',
      '8443',
      '-o',
      'json',
      '--query',
      'Rules[].[Domain, Certificate.CertId]',
    ]);
    assert.deepEqual(JSON.parse(rules.stdout), [
      ['www.example.com', 'EmuEcc01'],
      ['api.example.com', 'EmuEcc01'],
    ]);
  });

  test('listeners-as-code.md: its files plan, apply and apply again with nothing to change; export plans clean', async () => {
    const doc = page('listeners-as-code.md');
    const files = blocks(doc, 'yaml');
    assert.ok(files.length >= 3);
    writeFileSync(join(dir, 'listeners.yaml'), files[0]!);
    const [applyBlock, exportBlock] = blocks(doc, 'sh');
    for (const line of lines(applyBlock!)) await paste(line);
    const again = await runAgainst(emu, ['apply', '-f', 'listeners.yaml', '--plan', '--detailed-exitcode'], { cwd: dir });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    for (const [i, file] of files.slice(1).entries()) {
      writeFileSync(join(dir, `more-${i}.yaml`), file);
      await paste(`clb-listener apply -f more-${i}.yaml`);
    }
    for (const line of lines(exportBlock!)) await paste(line);
  });

  test("targets.md: a listener with --target and --wait-healthy, an HTTP listener with a rule's Targets", async () => {
    const shown = blocks(page('targets.md'), 'sh').flatMap(lines);
    assert.equal(shown.filter((l) => l.startsWith('clb-listener ')).length, 2, shown.join('\n'));
    for (const line of shown) await paste(line);
    const listed = async (port: string) => {
      const result = await runAgainst(emu, ['list', '--lb', 'lb-emu00001', '--port', port, '--targets', '-o', 'json'], { cwd: dir });
      assert.equal(result.code, 0, result.stderr);
      return JSON.stringify(JSON.parse(result.stdout));
    };
    const tcp = await listed('7574');
    assert.match(tcp, /ins-emu00001/);
    assert.match(tcp, /ins-emu00002/);
    const http = await listed('80');
    assert.match(http, /www\.example\.com/);
    assert.match(http, /ins-emu00001/);
    assert.match(http, /10\.0\.0\.12/);
  });
});

test('no docs page sends its reader to itself (a link to its own file, without an anchor)', () => {
  const selfLinks = markdownFiles(join(REPO_ROOT, 'docs')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/\]\(([^)#\s]+)\)/g)]
      .filter((m) => resolve(dirname(file), m[1]!) === file)
      .map((m) => `${relative(REPO_ROOT, file)}: ${m[0]}`);
  });
  assert.deepEqual(selfLinks, []);
});
