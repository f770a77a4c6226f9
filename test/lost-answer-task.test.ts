// A lost answer followed by a failed task. CreateListener's listeners are listed while its task
// runs, and a failed task removes them: taking "listed" for "created" reported success for a
// listener that then vanished. Listeners found after a lost answer are read again once their task
// should be over; only then is the create reported done. apply's text output says when an answer
// was lost and how it was settled.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-lost0001';

describe('a lost answer, then the task', () => {
  let emu: InProcessEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'clb-lost-'));
  before(async () => {
    // Tasks take 2 s on the emulator's clock: the listeners are listed well before they end.
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 2000 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const lostThenFailed = () =>
    emu.faults([
      { action: 'CreateListener', kind: 'drop', processed: true },
      { action: 'CreateListener', kind: 'taskFail', message: 'backend capacity exhausted' },
    ]);

  test('create: listed, then removed by the failed task: exit 4, the task failed, nothing created; one CreateListener', async () => {
    await lostThenFailed();
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP']);
    assert.equal(result.code, 4, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /the answer to CreateListener was lost .*listed the listeners, then .* no longer .*their task failed; nothing was created/,
    );
    const { counts, listeners } = await emu.state();
    assert.equal(counts.CreateListener, 1);
    assert.deepEqual(listeners, []);
  });

  test('create: still listed once the task is over: exit 0, the ids, a warning that the answer was lost', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop', processed: true }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'TCP']);
    assert.equal(result.code, 0, result.stderr);
    const { listeners } = await emu.state();
    assert.equal(result.stdout.trim(), listeners[0]!.ListenerId);
    assert.match(result.stderr, /answer to CreateListener was lost .* still listed once their task should have ended/);
  });

  test('create: listed, but the wait ends before the task could be over: exit 7 with the ids, no claim of success', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop', processed: true }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '82', '--protocol', 'TCP', '--wait-timeout', '2']);
    assert.equal(result.code, 7, result.stderr);
    const { listeners } = await emu.state();
    assert.match(result.stderr, new RegExp(`listener ids: ${listeners[0]!.ListenerId}`));
    assert.match(result.stderr, /their task may still be running/);
  });

  test('apply: the failed task is a failure (exit 1), and the text output says the answer was lost and how that was settled', async () => {
    const file = join(dir, 'two.yaml');
    writeFileSync(file, `listeners:\n  - { LoadBalancerId: ${LB}, Port: 90, Protocol: TCP }\n`);
    await lostThenFailed();
    const failed = await runAgainst(emu, ['apply', '-f', file], { env: { CI: 'true' } });
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stdout, /failed: the answer was lost .*their task failed/);
    await emu.faults([{ action: 'CreateListener', kind: 'drop', processed: true }]);
    const done = await runAgainst(emu, ['apply', '-f', file], { env: { CI: 'true' } });
    assert.equal(done.code, 0, done.stderr);
    assert.match(
      done.stdout,
      /created +ok: the answer was lost \(.*\); the listeners were found by reading, still listed once their task should have ended/,
    );
    const { counts } = await emu.state();
    assert.equal(counts.CreateListener, 2, 'one per run, none resent');
  });
});
