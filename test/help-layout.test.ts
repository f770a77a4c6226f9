// Help reads the same everywhere: one spelling of the global options heading, one style of
// defaults, and lines that fit the terminal (80 columns when help goes to a pipe or a file).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './helpers/cli.js';

/** Every command's help. */
const COMMANDS = [
  [],
  ['create'],
  ['apply'],
  ['export'],
  ['list'],
  ['delete'],
  ['wait'],
  ['whoami'],
  ['configure'],
  ['configure', 'set'],
  ['configure', 'get'],
  ['configure', 'list'],
  ['configure', 'show'],
  ['configure', 'unset'],
  ['completion'],
  ['emulator'],
];

const help = async (words: string[], columns?: number) => {
  const result = await runCli([...words, '--help'], columns ? { tty: { stdout: true }, columns } : {});
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
};

describe('help layout', () => {
  for (const words of COMMANDS) {
    const name = ['clb-listener', ...words].join(' ');
    test(`${name} --help: 80 columns in a pipe, global options once, "(default: …)"`, async () => {
      const text = await help(words);
      for (const line of text.split('\n')) assert.ok([...line].length <= 80, `${[...line].length} columns: ${line}`);
      assert.doesNotMatch(text, /Global Options:/);
      if (words.length === 0) {
        // The root lists them, under one heading.
        assert.match(text, /^Global options:$/m);
        assert.match(text, /^ {2}--request-timeout <duration> /m);
      } else {
        // A command's help names them in one line and points to the root's help.
        assert.doesNotMatch(text, /^Global options:$/m);
        assert.doesNotMatch(text, /--request-timeout/);
        assert.match(
          text.replace(/\s+/g, ' '),
          / Global options \(--region, --endpoint, --profile, -o, --query, --no-color, …\) apply to every command: see 'clb-listener --help'\. $/,
        );
      }
      assert.doesNotMatch(text, /\(default [^)]/, 'defaults are written "(default: …)"');
      assert.doesNotMatch(text, /default: false/, 'a switch is off unless given: no "(default: false)"');
    });
  }

  test('create --help wraps its descriptions under their column, at the terminal width', async () => {
    const narrow = await help(['create']);
    assert.match(narrow, /^ {2}--ports <port> +listener port\(s\), one listener\n {48}per port;/m);
    const wide = await help(['create'], 160);
    assert.match(
      wide,
      /^ {2}--ports <port> +listener port\(s\), one listener per port; repeat or comma-separate \[1–65535\] \[alias: --port\]$/m,
    );
    for (const line of wide.split('\n')) assert.ok([...line].length <= 160, line);
  });
});

// create builds its field flags only when it runs (src/cli/deferred-options.ts); every way of
// asking for its help must still show them.
describe("create's field flags, added when create runs", () => {
  test('`help create` prints what `create --help` does, field flags and their headings included', async () => {
    const direct = await help(['create']);
    const viaHelp = await runCli(['help', 'create']);
    assert.equal(viaHelp.code, 0, viaHelp.stderr);
    assert.equal(viaHelp.stdout, direct);
    for (const flag of ['--load-balancer-id <id>', '--health-check', '--cert-id', '--from-file <path>']) {
      assert.ok(direct.includes(flag), `${flag} in create --help`);
    }
    // The field flags come first, under their own headings, before the run's own options.
    assert.ok(direct.indexOf('--load-balancer-id') < direct.indexOf('--from-file'));
  });

  test('the root help lists create with [options]; an unknown flag of create is still suggested a field flag', async () => {
    assert.match(await help([]), /^ {2}create \[options\] /m);
    const typo = await runCli(['create', '--lb', 'lb-12345678', '--port', '80', '--protocl', 'TCP']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown option '--protocl' \(did you mean --protocol\?\)/);
  });
});
