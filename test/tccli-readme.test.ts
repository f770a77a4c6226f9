// The README's "Coming from tccli" examples are true: each tccli command there, read the way
// tccli reads --cli-unfold-argument (dotted keys, space-separated lists, True/False), is the same
// request body as the clb-listener command beside it sends (its --dry-run Body). Both README lists
// of the API page's six examples are numbered as test/fixtures/seed-examples/exampleN.json, and
// each command sends that example's body. In-process.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, type FieldSpec } from '../src/model/fields.js';
import { redactBody } from '../src/api/redact-request.js';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';
import { REPO_ROOT } from './helpers/emulator.js';
import { NO_METADATA_URL } from './helpers/home.js';
import { userGuide } from './helpers/guide.js';

const README = userGuide();
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
/** The README's file names, played by the test certificate and key. */
const FILES: Record<string, string> = { 'my-cert.pem': 'server.crt', 'my-cert.key': 'server.key' };

/** The first code block after `marker`, continuation lines joined. */
function blockAfter(marker: string): string {
  const at = README.indexOf(marker);
  assert.ok(at >= 0, `the README has ${marker}`);
  const block = /```sh\n([\s\S]*?)```/.exec(README.slice(at))?.[1];
  assert.ok(block, `a code block follows ${marker}`);
  return block.replace(/\\\n\s*/g, ' ');
}

/** The tccli and clb-listener commands of the "Coming from tccli" examples block. */
function exampleCommands(): string[] {
  return blockAfter("The API page's six examples, tccli then clb-listener")
    .split('\n')
    .filter((line) => line.startsWith('tccli ') || line.startsWith('clb-listener '));
}

/** `# N. …` comment lines of a block, in order, with the commands after each. */
function numbered(block: string): { number: number; commands: string[] }[] {
  const out: { number: number; commands: string[] }[] = [];
  for (const line of block.split('\n')) {
    const heading = /^# (\d)\. /.exec(line);
    if (heading) out.push({ number: Number(heading[1]), commands: [] });
    else if (/^(tccli|clb-listener) /.test(line)) out.at(-1)?.commands.push(line);
  }
  return out;
}

/** The API page's example N as the fixtures hold it, minus uploaded PEM text (placeholders there). */
function fixtureBody(n: number): Record<string, unknown> {
  const body = JSON.parse(readFileSync(join(FIXTURES, 'seed-examples', `example${n}.json`), 'utf8')) as Record<string, unknown>;
  return withoutPem({ ...body, Protocol: String(body.Protocol).toUpperCase() });
}

function withoutPem(body: Record<string, unknown>): Record<string, unknown> {
  if (!body.Certificate) return body;
  const { CertContent: _content, CertKey: _key, ...certificate } = body.Certificate as Record<string, unknown>;
  return { ...body, Certificate: certificate };
}

/** Shell words: double quotes kept together, `"$(cat FILE)"` replaced by the file's content. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|(\S+)/g)) {
    const quoted = match[1];
    const cat = quoted === undefined ? undefined : /^\$\(cat (\S+)\)$/.exec(quoted)?.[1];
    out.push(cat ? readFileSync(join(FIXTURES, FILES[cat] ?? cat), 'utf8') : (quoted ?? match[2]!));
  }
  return out;
}

function scalar(spec: FieldSpec | undefined, raw: string): unknown {
  if (raw === 'True' || raw === 'False') return raw === 'True';
  return spec && /integer|switch/.test(spec.kind) ? Number(raw) : raw;
}

/** What tccli sends for `CreateListener --cli-unfold-argument …`. */
function tccliBody(args: string[]): Record<string, unknown> {
  assert.deepEqual(args.slice(0, 3), ['clb', 'CreateListener', '--cli-unfold-argument']);
  const body: Record<string, unknown> = {};
  let key: string | undefined;
  let values: string[] = [];
  const flush = () => {
    if (!key) return;
    const [top, nested] = key.split('.') as [string, string | undefined];
    const spec = CREATE_LISTENER_FIELDS.find((f) => f.api === top);
    assert.ok(spec, `tccli flag --${key} is a CreateListener field`);
    if (nested) {
      const inner = NESTED_FIELDS[spec.nested!].find((f) => f.api === nested);
      assert.ok(inner, `--${key} is a field of ${top}`);
      body[top] = { ...(body[top] as object), [nested]: scalar(inner, values[0]!) };
    } else {
      const list = spec.kind.endsWith('-list');
      body[top] = list ? values.map((v) => scalar(spec, v)) : scalar(spec, values[0]!);
    }
  };
  for (const word of args.slice(3)) {
    if (/^--[A-Za-z]/.test(word)) {
      flush();
      key = word.slice(2);
      values = [];
    } else values.push(word);
  }
  flush();
  return body;
}

async function dryRunBody(args: string[]): Promise<Record<string, unknown>> {
  const term = fakeTerminal({ tty: false });
  term.stdin.end();
  const ctx = terminalContext(term, {
    cwd: FIXTURES,
    env: { HOME: FIXTURES, PATH: process.env.PATH ?? '/usr/bin:/bin', CLB_LISTENER_METADATA_URL: NO_METADATA_URL },
  });
  const renamed = args.map((a) => FILES[a] ?? a);
  const code = await main([...renamed, '--region', 'ap-guangzhou', '--dry-run', '--query', 'Body', '-o', 'json'], ctx);
  assert.equal(code, 0, `clb-listener ${args.join(' ')}: ${term.err()}`);
  return JSON.parse(term.stdout.text) as Record<string, unknown>;
}

describe('README: Coming from tccli', () => {
  const commands = exampleCommands();
  test('six pairs, tccli then clb-listener', () => {
    assert.equal(commands.length, 12, commands.join('\n'));
    for (const [i, line] of commands.entries()) assert.ok(line.startsWith(i % 2 === 0 ? 'tccli ' : 'clb-listener '), line);
  });

  test('both lists of the six examples are numbered 1 to 6, as the fixtures example1..6', async () => {
    for (const marker of ["### The API page's examples as commands", "The API page's six examples, tccli then clb-listener"]) {
      const examples = numbered(blockAfter(marker));
      assert.deepEqual(
        examples.map((e) => e.number),
        [1, 2, 3, 4, 5, 6],
        marker,
      );
      for (const { number, commands } of examples) {
        const command = commands.find((c) => c.startsWith('clb-listener '));
        assert.ok(command, `${marker}: example ${number} has a clb-listener command`);
        assert.deepEqual(withoutPem(await dryRunBody(words(command).slice(1))), fixtureBody(number), `${marker}: example ${number}`);
      }
    }
  });

  for (let i = 0; i < 6; i++) {
    test(`example ${i + 1}: both send the same request`, async () => {
      const expected = tccliBody(words(commands[2 * i]!).slice(1));
      // The protocol is case-insensitive; clb-listener sends it in the documented upper case.
      expected.Protocol = String(expected.Protocol).toUpperCase();
      const sent = await dryRunBody(words(commands[2 * i + 1]!).slice(1));
      assert.deepEqual(sent, redactBody(expected));
    });
  }
});
