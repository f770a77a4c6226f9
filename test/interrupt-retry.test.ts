// Ctrl-C or SIGTERM during the pause before a retry. A write is retried only after a try that
// changed nothing (a refusal such as ResourceInOperating), so an interruption there is not a lost
// answer: the run says nothing was changed and ends at once, without reading back for a change
// that cannot exist.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-busy0001';
const BUSY = {
  kind: 'apiError' as const,
  code: 'FailedOperation.ResourceInOperating',
  message: 'The load balancer is being operated on; try again later.',
  times: -1,
};

describe('interrupted while waiting to retry a refused write', () => {
  let emu: InProcessEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'clb-interrupt-retry-'));

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  /** Runs argv, and sends `signal` once the command sleeps (the pause before the second try). */
  async function interrupted(argv: string[], signal: NodeJS.Signals) {
    const clock = emu.clock!;
    const controller = new AbortController();
    clock.auto = false;
    try {
      const pending = runAgainst(emu, argv, { signal: controller.signal });
      await clock.sleeping(pending);
      controller.abort(signal);
      return await pending;
    } finally {
      clock.auto = true;
    }
  }

  test('create: exit 143, "nothing was changed", no read-back for a lost answer', async () => {
    await emu.faults([{ action: 'CreateListener', ...BUSY }]);
    const result = await interrupted(['create', '--lb', LB, '--port', '80', '--protocol', 'TCP'], 'SIGTERM');
    assert.equal(result.code, 143, result.stderr);
    assert.match(
      result.stderr,
      /error: interrupted by SIGTERM before CreateListener was tried again; every try so far was refused or never reached the API \(last: FailedOperation\.ResourceInOperating\), so nothing was changed/,
    );
    assert.doesNotMatch(result.stderr, /answer was lost|may or may not have been applied/);
    assert.deepEqual(result.requests, ['DescribeListeners', 'CreateListener'], 'no reconcile read after the refusal');
  });

  test('rule create: exit 130, nothing was changed, no read-back', async () => {
    const made = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'HTTP']);
    assert.equal(made.code, 0, made.stderr);
    await emu.faults([{ action: 'CreateRule', ...BUSY }]);
    const result = await interrupted(['rule', 'create', '--lb', LB, '--port', '81', '--rule', 'Domain=a.example.com,Url=/'], 'SIGINT');
    assert.equal(result.code, 130, result.stderr);
    assert.match(result.stderr, /error: interrupted before CreateRule was tried again; .* so nothing was changed/);
    assert.doesNotMatch(result.stderr, /answer was lost|answer to CreateRule was lost/);
    assert.deepEqual(result.requests, ['DescribeListeners', 'CreateRule']);
  });

  test('apply: the summary says the change was not made, not that its outcome is unknown', async () => {
    const file = join(dir, 'busy.yaml');
    writeFileSync(file, `listeners:\n  - { LoadBalancerId: ${LB}, Port: 82, Protocol: TCP }\n`);
    await emu.faults([{ action: 'CreateListener', ...BUSY }]);
    const result = await interrupted(['apply', '-f', file, '--yes'], 'SIGTERM');
    assert.equal(result.code, 143, result.stderr);
    assert.doesNotMatch(`${result.stdout}${result.stderr}`, /unknown: the answer was lost/);
    assert.deepEqual(result.requests, ['DescribeListeners', 'CreateListener']);
  });
});
