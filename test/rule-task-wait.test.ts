// A rule write the API accepted whose task wait then fails (an AuthFailure on the poll): each
// rule command ends with exit 7, names the write and the listener it is on, and says how to
// resume; the write is not sent again. In-process.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-rulewait';
const WHERE = ['--lb', LB, '--port', '80'];

describe('the wait after an accepted rule write fails', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const runs: [string, string, string[]][] = [
    ['rule create', 'CreateRule', ['rule', 'create', ...WHERE, '--rule', 'Domain=b.example.com,Url=/']],
    ['rule modify', 'ModifyRule', ['rule', 'modify', ...WHERE, '--rule', 'Domain=a.example.com,Url=/,Scheduler=LEAST_CONN']],
    ['rule delete', 'DeleteRule', ['rule', 'delete', ...WHERE, '--domain', 'a.example.com', '--url', '/']],
  ];
  for (const [what, action, argv] of runs) {
    test(`${what}: exit 7 with the write and its listener, sent once`, async () => {
      const made = await runAgainst(emu, ['create', ...WHERE, '--protocol', 'HTTP', '--rule', 'Domain=a.example.com,Url=/']);
      assert.equal(made.code, 0, made.stderr);
      const listenerId = (await emu.state()).listeners[0]!.ListenerId;
      await emu.faults([{ action: 'DescribeTaskStatus', kind: 'apiError', code: 'AuthFailure.SignatureExpire' }]);
      const result = await runAgainst(emu, argv);
      assert.equal(result.code, 7, result.stderr);
      assert.match(result.stderr, new RegExp(`${action} was accepted \\(task `));
      assert.match(result.stderr, new RegExp(`^listener ids: ${listenerId}$`, 'm'));
      assert.equal(result.requests!.filter((a) => a === action).length, 1, 'sent once');
    });
  }
});
