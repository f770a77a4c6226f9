// `create --if-not-exists` losing the race between its read and its write: another run created the
// listener in between, and the API refused ours with PortCheckFailed. The listeners are read again;
// when they are the ones asked for, the run ends as if it had found them first (exit 0, their ids,
// Action "existing"), never telling the user to delete what they asked for.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-race0001';

describe('create --if-not-exists after PortCheckFailed', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const create = (...extra: string[]) =>
    runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '8080,8081',
      '--protocol',
      'TCP',
      '--name',
      'a',
      '--name',
      'b',
      '--if-not-exists',
      ...extra,
    ]);

  test('the listeners asked for appeared meanwhile: read again, exit 0 with their ids, nothing sent twice', async () => {
    // The emulator carries the create out, then answers PortCheckFailed: as if another run's had won.
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter.PortCheckFailed', processed: true }]);
    const result = await create('-o', 'json');
    assert.equal(result.code, 0, result.stderr);
    const { listeners, counts } = await emu.state();
    assert.equal(counts.CreateListener, 1);
    const out = JSON.parse(result.stdout) as { ListenerIds: string[]; Listeners: { ListenerId: string; Action: string }[] };
    assert.deepEqual(out.ListenerIds.sort(), listeners.map((l) => l.ListenerId).sort());
    assert.deepEqual(
      out.Listeners.map((l) => l.Action),
      ['existing', 'existing'],
    );
    assert.deepEqual(result.requests, ['DescribeListeners', 'CreateListener', 'DescribeListeners']);
  });

  test('in text, the ids on stdout and a line saying they were created by another run', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter.PortCheckFailed', processed: true }]);
    const result = await create();
    assert.equal(result.code, 0, result.stderr);
    const { listeners } = await emu.state();
    assert.deepEqual(result.stdout.trim().split('\n').sort(), listeners.map((l) => l.ListenerId).sort());
    assert.match(result.stderr, /created meanwhile by another run, kept/i);
  });

  test('the ports are still free (or held otherwise) when read again: the API error stands, exit 1', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter.PortCheckFailed' }]);
    const result = await create();
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /PortCheckFailed/);
    const { counts } = await emu.state();
    assert.equal(counts.CreateListener, 1, 'never sent again');
  });
});
