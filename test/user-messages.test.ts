// What a new user reads when something goes wrong: an unknown task id, a mistyped flag, the
// wording of accepted writes, deletes and retries. In-process against the emulator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-msgs0001';

let emu: InProcessEmulator;
before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 100, loadBalancers: [LB] });
});
after(() => emu.stop());

describe('wait on a task the API does not know', () => {
  for (const id of ['6aa274e5-ff78-4e9e-b13c-30a9e21b107e', '6aa274e5']) {
    test(`${id}: says the id is unknown and how to check it, never "accepted"; exit 1 (the API refused it)`, async () => {
      const result = await runAgainst(emu, ['wait', id]);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^error: DescribeTaskStatus failed: InvalidParameter/m);
      assert.match(result.stderr, new RegExp(`^hint: the API knows no task ${id} in ${emu.region}: check the id was copied whole`, 'm'));
      assert.doesNotMatch(result.stderr, /accepted|follow it with/);
      assert.equal(result.stdout, '');
    });
  }

  test('-o json: the API Code, and the same hint', async () => {
    const result = await runAgainst(emu, ['wait', '6aa274e5-ff78-4e9e-b13c-30a9e21b107e', '-o', 'json']);
    assert.equal(result.code, 1);
    const { Error: error } = JSON.parse(result.stderr) as { Error: { Code: string; Hint: string } };
    assert.equal(error.Code, 'InvalidParameter');
    assert.match(error.Hint, /^the API knows no task/);
  });
});

describe('a mistyped flag or command', () => {
  test('one line with the suggestion, no literal \\n; the JSON message is clean', async () => {
    const text = await runAgainst(emu, ['create', '--protocl', 'TCP']);
    assert.equal(text.code, 2);
    assert.equal(text.stderr.split('\n')[0], "error: unknown option '--protocl' (did you mean --protocol?)");
    assert.doesNotMatch(text.stderr, /\\n/);
    const json = await runAgainst(emu, ['create', '--protocl', 'TCP', '-o', 'json']);
    assert.equal(json.code, 2);
    assert.equal(JSON.parse(json.stderr).Error.Message, "unknown option '--protocl' (did you mean --protocol?)");
    const command = await runAgainst(emu, ['wiat', 'x']);
    assert.equal(command.code, 2);
    assert.equal(command.stderr.split('\n')[0], "error: unknown command 'wiat' (did you mean wait?)");
  });
});
