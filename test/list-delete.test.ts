// `list` and `delete` against the emulator: filters, formats, and never deleting by omission.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-cuxw2rm0';

describe('list and delete', () => {
  let emu: InProcessEmulator;
  let ids: string[];
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 100 });
    const created = await runAgainst(emu, ['create', '--lb', LB, '--port', '80,81', '--protocol', 'TCP', '--name', 'web,api']);
    assert.equal(created.code, 0, created.stderr);
    ids = created.stdout.trim().split('\n');
    const udp = await runAgainst(emu, ['create', '--lb', LB, '--port', '53', '--protocol', 'UDP']);
    assert.equal(udp.code, 0, udp.stderr);
  });
  after(() => emu.stop());

  test('text output is one listener a line, tab-separated', async () => {
    const result = await runAgainst(emu, ['list', '--lb', LB, '--protocol', 'tcp']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n').sort(), [`${ids[0]}\tTCP\t80\tweb`, `${ids[1]}\tTCP\t81\tapi`].sort());
  });

  test('--port filters, and --query picks fields', async () => {
    const result = await runAgainst(emu, ['list', '--lb', LB, '--port', '81', '-o', 'json', '--query', 'Listeners[0].ListenerId']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout), ids[1]);
  });

  test('bad filters are usage errors and send nothing', async () => {
    const before = await emu.requestCount();
    const result = await runAgainst(emu, ['list', '--lb', LB, '--port', '70000']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--port must be 1–65535, got 70000/);
    assert.equal(await emu.requestCount(), before);
  });

  test('delete needs ids: it never sends an empty list', async () => {
    const before = await emu.requestCount('DeleteLoadBalancerListeners');
    const result = await runAgainst(emu, ['delete', '--lb', LB]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--listener-id/);
    const malformed = await runAgainst(emu, ['delete', '--lb', LB, '--listener-id', 'web']);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /--listener-id "web" must look like lbl-xxxxxxxx/);
    assert.equal(await emu.requestCount('DeleteLoadBalancerListeners'), before);
  });

  test('delete removes exactly the named listeners and waits for the task', async () => {
    const result = await runAgainst(emu, ['delete', '--lb', LB, '--listener-id', ids[0]!]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), ids[0]);
    assert.match(result.stderr, /Deleted/);
    const remaining = (await emu.state()).listeners.map((l) => l.ListenerId);
    assert.ok(!remaining.includes(ids[0]!));
    assert.ok(remaining.includes(ids[1]!));
    assert.equal(remaining.length, 2);
  });

  test('delete --dry-run sends nothing', async () => {
    const before = await emu.requestCount();
    const result = await runAgainst(emu, ['delete', '--lb', LB, '--listener-id', ids[1]!, '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).Body.ListenerIds[0], ids[1]);
    assert.equal(await emu.requestCount(), before);
  });

  test('a warning quoting an odd --lb shows a bidirectional-override character escaped, never raw', async () => {
    const odd = 'lb-\u202e1234';
    const list = await runAgainst(emu, ['list', '--lb', odd]);
    const dry = await runAgainst(emu, ['delete', '--lb', odd, '--listener-id', ids[0]!, '--dry-run']);
    for (const result of [list, dry]) {
      assert.match(result.stderr, /warning: --lb "lb-\\u202e1234" is not the usual lb-xxxxxxxx/);
      assert.ok(!result.stderr.includes('\u202e'), result.stderr);
    }
  });
});
