// create -i checks what it was given, and every answer, through the request draft: a given value
// the model refuses is named where it came from (the flag as typed, the body's file), and an
// answer is checked beside what is already known.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';
import { interactiveCreate } from '../src/ui/interactive/index.js';
import { inputReader } from '../src/cli/read-input.js';
import { UsageError } from '../src/core/errors.js';
import { emptyDraft, withValue } from '../src/model/draft.js';
import { checkAnswerIn, loadValidator } from '../src/model/validate.js';
import type { GlobalOptions } from '../src/core/context.js';
import type { CreateFlags } from '../src/model/flags.js';

const GLOBALS = { output: 'text', color: false, debug: false, quiet: false } as GlobalOptions;

before(() => loadValidator());

async function refusedBeforeAnyQuestion(flags: Record<string, unknown>, body?: Record<string, unknown>): Promise<string> {
  const term = fakeTerminal({ tty: true });
  const ctx = terminalContext(term, { env: {} });
  const options = { readText: inputReader(ctx), now: 0, ...(body ? { body, bodySource: 'listener.json' } : {}) };
  let message = '';
  await assert.rejects(interactiveCreate({ wait: true, ...flags } as CreateFlags, GLOBALS, ctx, options), (error: unknown) => {
    assert.ok(error instanceof UsageError, String(error));
    message = error.message;
    return true;
  });
  assert.equal(term.out(), '', 'no question was asked');
  return message;
}

test("a value of the --from-file body is refused in the file's words, not as a flag's", async () => {
  const message = await refusedBeforeAnyQuestion({ lb: 'lb-emu00001' }, { Protocol: 'FOO' });
  assert.match(message, /^listener\.json: Protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "FOO"$/);
});

test('a given value is named by the flag as typed', async () => {
  const message = await refusedBeforeAnyQuestion({ loadBalancerId: 'NOPE', protocol: 'TCP' });
  assert.match(message, /^--load-balancer-id "NOPE" must look like lb-xxxxxxxx$/);
});

test('an answer is checked beside what is known: names for the ports --port gave', () => {
  const known = withValue(emptyDraft(), ['Ports'], [80, 81], { kind: 'flag', flag: '--port', text: '80,81' });
  const check = checkAnswerIn(known, ['ListenerNames'], 'web', { now: 0 });
  assert.match(check.problem ?? '', /1 name.*2 ports/);
  assert.equal(checkAnswerIn(known, ['ListenerNames'], 'web,api', { now: 0 }).problem, undefined);
});
