// create --rule with --query: the query is checked before anything is sent on stand-ins of the
// result's rules, which have the real result's shape (Domains when a rule has several, the
// LocationId), so a query that holds on the real result is not refused, and one that
// cannot hold is refused with nothing sent.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-rulequery';
const CREATE = ['create', '--lb', LB, '--port', '80', '--protocol', 'HTTP', '--rule', 'Domains=a.example.com,b.example.com,Url=/x'];

describe('create --rule --query', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  test("a query on the rules' Domains and LocationId holds before sending and on the result", async () => {
    const query = '[length(Rules[0].Domains), length(Rules[0].LocationId)]';
    const result = await runAgainst(emu, [...CREATE, '--query', query, '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [2, 'loc-00000000'.length]);
  });

  test('a query that cannot hold on the rules is exit 2 with nothing sent', async () => {
    const result = await runAgainst(emu, [...CREATE, '--query', 'abs(Rules[0].Url)']);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
  });
});
