// The request bodies of the four target writes (src/api/targets.ts), as sent: the place's API
// fields only, the Targets (named by identity alone where the action takes no Weight), NewPort
// for ModifyTargetPort, and the 1–20 limit refused before sending.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClbClient } from '../src/api/client.js';
import { deregisterTargets, modifyTargetPort, modifyTargetWeight, registerTargets } from '../src/api/targets.js';

/** A client that records each call and answers a RequestId. */
function recordingClient(): { client: ClbClient; sent: { action: string; body: string }[] } {
  const sent: { action: string; body: string }[] = [];
  const client = {
    call: async (action: string, params: object) => {
      sent.push({ action, body: JSON.stringify(params) });
      return { RequestId: `req-${sent.length}` };
    },
  } as unknown as ClbClient;
  return { client, sent };
}

const PLACE = { LoadBalancerId: 'lb-1', ListenerId: 'lbl-1', LocationId: 'loc-1', label: 'a rule' };
const WEIGHED = [
  { InstanceId: 'ins-1', Port: 80, Weight: 30 },
  { EniIp: '10.0.0.9', Port: 81, Weight: 0 },
];

test('the four target writes: the place, the Targets, and NewPort, in that order', async () => {
  const { client, sent } = recordingClient();
  assert.deepEqual(await registerTargets(client, PLACE, WEIGHED), { RequestId: 'req-1' });
  await deregisterTargets(client, PLACE, WEIGHED);
  await modifyTargetWeight(client, { LoadBalancerId: 'lb-1', ListenerId: 'lbl-1' }, [{ InstanceId: 'ins-1', Port: 80, Weight: 5 }]);
  await modifyTargetPort(client, { LoadBalancerId: 'lb-1', ListenerId: 'lbl-1', Domain: 'a.example.com', Url: '/' }, WEIGHED, 8080);
  const at = '"LoadBalancerId":"lb-1","ListenerId":"lbl-1"';
  assert.deepEqual(sent, [
    {
      action: 'RegisterTargets',
      body: `{${at},"LocationId":"loc-1","Targets":[{"InstanceId":"ins-1","Port":80,"Weight":30},{"EniIp":"10.0.0.9","Port":81,"Weight":0}]}`,
    },
    {
      action: 'DeregisterTargets',
      body: `{${at},"LocationId":"loc-1","Targets":[{"InstanceId":"ins-1","Port":80},{"EniIp":"10.0.0.9","Port":81}]}`,
    },
    { action: 'ModifyTargetWeight', body: `{${at},"Targets":[{"InstanceId":"ins-1","Port":80,"Weight":5}]}` },
    {
      action: 'ModifyTargetPort',
      body: `{${at},"Domain":"a.example.com","Url":"/","Targets":[{"InstanceId":"ins-1","Port":80},{"EniIp":"10.0.0.9","Port":81}],"NewPort":8080}`,
    },
  ]);
});

test('no targets, or more than 20: refused naming the action, nothing sent', async () => {
  const { client, sent } = recordingClient();
  await assert.rejects(async () => registerTargets(client, PLACE, []), /RegisterTargets/);
  const many = Array.from({ length: 21 }, (_, i) => ({ InstanceId: 'ins-1', Port: 1000 + i }));
  await assert.rejects(async () => deregisterTargets(client, PLACE, many), /DeregisterTargets.*21|21.*DeregisterTargets/);
  assert.deepEqual(sent, []);
});
