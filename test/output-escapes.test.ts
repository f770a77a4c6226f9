// What reaches stdout is data, never instructions to the terminal: a listener name from the API
// holding a bidirectional override is shown escaped in text and tables, and written as a \u
// escape in JSON (the same value once parsed). Also: the run's secrets are redacted on stdout.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-escapes1';
const NAME = 'admin\u202egnp.exe';
const RAW = /[\u202a-\u202e\u2066-\u2069\u0080-\u009f]/;

describe('stdout', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    const created = await api(emu, 'CreateListener', { LoadBalancerId: LB, Ports: [80], Protocol: 'TCP', ListenerNames: [NAME] });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
  });
  after(() => emu.stop());

  test('a bidirectional override in a listener name is escaped in text and tables, a \\u escape in JSON', async () => {
    for (const output of ['text', 'table']) {
      const result = await runAgainst(emu, ['list', '--lb', LB, '-o', output]);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout, RAW, `${output}: no raw override`);
      assert.match(result.stdout, /admin\\u202egnp\.exe/, output);
    }
    const json = await runAgainst(emu, ['list', '--lb', LB, '-o', 'json']);
    assert.equal(json.code, 0, json.stderr);
    assert.doesNotMatch(json.stdout, RAW);
    assert.ok(json.stdout.includes('admin\\u202egnp.exe'), json.stdout);
    assert.ok(JSON.stringify(JSON.parse(json.stdout)).includes(NAME), 'the same value once parsed');
  });

  test('a secret of the run is redacted on stdout', async () => {
    // The listener's name is the token of this run: whatever prints it shows <redacted>.
    const token = 'TokenThatNamesAListener-0123456789';
    const created = await api(emu, 'CreateListener', { LoadBalancerId: LB, Ports: [81], Protocol: 'TCP', ListenerNames: [token] });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
    for (const output of ['text', 'json', 'table']) {
      const result = await runAgainst(emu, ['list', '--lb', LB, '-o', output], { env: { TENCENTCLOUD_SECURITY_TOKEN: token } });
      assert.ok(!result.stdout.includes(token), `${output}: ${result.stdout}`);
      assert.match(result.stdout, /<redacted>/, output);
    }
  });
});
