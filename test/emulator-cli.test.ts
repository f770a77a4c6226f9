// `clb-listener emulator`'s refusals, in-process: the loopback rule and bad numbers are usage
// errors (exit 2) before anything listens. Its life as a process (the JSON line, SIGTERM, --state
// across a restart) is in test/e2e.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './helpers/cli.js';

describe('clb-listener emulator', () => {
  test('refuses a non-loopback host and bad numbers with exit 2', async () => {
    const host = await runCli(['emulator', '--host', '0.0.0.0']);
    assert.equal(host.code, 2);
    assert.match(host.stderr, /loopback/);
    assert.equal(host.stdout, '');
    const lb = await runCli(['emulator', '--load-balancers', 'lb-BAD']);
    assert.equal(lb.code, 2);
    assert.match(lb.stderr, /--load-balancers|lb-/);
    const delay = await runCli(['emulator', '--task-delay', 'soon']);
    assert.equal(delay.code, 2);
    assert.match(delay.stderr, /--task-delay/);
  });
});
