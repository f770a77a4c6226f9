// The emulator's forwarding-rule actions (CreateRule, ModifyRule, DeleteRule,
// ModifyDomainAttributes): tasks that lock the load balancer, the documented refusals, rules in
// DescribeListeners as RuleOutput, and faults on the new actions.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';

type Rule = Record<string, unknown> & { LocationId: string; Domain: string; Url: string };

describe('emulator forwarding rules', () => {
  let emu: InProcessEmulator;
  let lb: string;
  let now = Date.now();
  const finishTasks = () => {
    now += 1000;
  };

  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 1000, rateLimit: 1000, now: () => now });
    lb = emu.loadBalancers[0]!;
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
  });

  async function listener(body: Record<string, unknown>): Promise<string> {
    const created = await api(emu, 'CreateListener', { LoadBalancerId: lb, ...body });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
    finishTasks();
    return (created.ListenerIds as string[])[0]!;
  }

  async function rulesOf(id: string): Promise<Rule[]> {
    const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: lb, ListenerIds: [id] });
    return ((listed.Listeners as Record<string, unknown>[])[0]!.Rules ?? []) as Rule[];
  }

  async function refused(action: string, body: Record<string, unknown>, code: string, pattern: RegExp): Promise<void> {
    const answer = await api(emu, action, { LoadBalancerId: lb, ...body });
    assert.equal(answer.Error?.Code, code, JSON.stringify(answer.Error));
    assert.match(answer.Error!.Message, pattern);
  }

  test('CreateRule: listed at once with its defaults; the first domain is the default one; the load balancer is locked until the task ends', async () => {
    const id = await listener({ Ports: [80], Protocol: 'HTTP' });
    const created = await api(emu, 'CreateRule', {
      LoadBalancerId: lb,
      ListenerId: id,
      Rules: [
        { Domain: 'www.example.com', Url: '/' },
        { Domains: ['a.example.com', '*.b.example.com'], Url: '/api', HealthCheck: { IntervalTime: 10 } },
      ],
    });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
    const ids = created.LocationIds as string[];
    assert.equal(ids.length, 2);
    assert.ok(ids.every((l) => /^loc-[a-z0-9]{8}$/.test(l)));
    await refused(
      'CreateRule',
      { ListenerId: id, Rules: [{ Domain: 'c.example.com', Url: '/' }] },
      'FailedOperation.ResourceInOperating',
      /task/,
    );
    const rules = await rulesOf(id);
    assert.deepEqual(
      rules.map((r) => [r.LocationId, r.Domain, r.Domains, r.Url, r.DefaultServer, r.Scheduler, r.ForwardType]),
      [
        [ids[0], 'www.example.com', ['www.example.com'], '/', true, 'WRR', 'HTTP'],
        [ids[1], 'a.example.com', ['a.example.com', '*.b.example.com'], '/api', false, 'WRR', 'HTTP'],
      ],
    );
    assert.equal((rules[1]!.HealthCheck as Record<string, unknown>).IntervalTime, 10);
    assert.equal((rules[1]!.HealthCheck as Record<string, unknown>).CheckType, 'HTTP');
    finishTasks();
    const task = await api(emu, 'DescribeTaskStatus', { TaskId: created.RequestId });
    assert.equal(task.Status, 0);
  });

  test('CreateRule refuses what the documentation refuses, and nothing is stored', async () => {
    const http = await listener({ Ports: [80], Protocol: 'HTTP' });
    const tcp = await listener({ Ports: [81], Protocol: 'TCP' });
    const https = await listener({ Ports: [443], Protocol: 'HTTPS', Certificate: { CertId: 'Listener1' } });
    const one = (rule: Record<string, unknown>, listenerId = http) => ({ ListenerId: listenerId, Rules: [rule] });
    await refused('CreateRule', one({ Domain: 'a.example.com', Url: '/' }, tcp), 'InvalidParameter', /only on HTTP and HTTPS/);
    await refused('CreateRule', one({ Domain: 'a*b.example.com', Url: '/' }), 'InvalidParameterValue', /'\*' only at the start or the end/);
    await refused('CreateRule', one({ Domain: 'a'.repeat(81), Url: '/' }), 'InvalidParameterValue.Length', /1–80/);
    await refused('CreateRule', one({ Domain: 'a.example.com', Url: '' }), 'InvalidParameterValue.Length', /1–200/);
    await refused('CreateRule', one({ Url: '/' }), 'MissingParameter', /Rules\.0\.Domain/);
    await refused(
      'CreateRule',
      one({ Domain: 'a.example.com', Domains: ['b.example.com'], Url: '/' }),
      'InvalidParameterValue',
      /never both/,
    );
    await refused('CreateRule', one({ Domain: 'a.example.com', Url: '/', Http2: true }), 'InvalidParameterValue', /Http2.*HTTPS/);
    await refused('CreateRule', one({ Domain: 'a.example.com', Url: '/', Certificate: { CertId: 'X' } }), 'InvalidParameterValue', /HTTPS/);
    await refused(
      'CreateRule',
      one({ Domain: 'a.example.com', Url: '/', Certificate: { CertId: 'X' } }, https),
      'InvalidParameterValue',
      /SNI/,
    );
    await refused(
      'CreateRule',
      {
        ListenerId: http,
        Rules: [
          { Domain: 'a.example.com', Url: '/', DefaultServer: true },
          { Domain: 'b.example.com', Url: '/', DefaultServer: true },
        ],
      },
      'InvalidParameterValue',
      /one default domain/,
    );
    await refused(
      'CreateRule',
      {
        ListenerId: http,
        Rules: [
          { Domain: 'a.example.com', Url: '/' },
          { Domain: 'a.example.com', Url: '/' },
        ],
      },
      'InvalidParameterValue',
      /already exists/,
    );
    await refused('CreateRule', one({ Domain: 'a.example.com', Url: '/', Scheduler: 'RANDOM' }), 'InvalidParameterValue', /Scheduler/);
    await refused(
      'CreateRule',
      one({ Domain: 'a.example.com', Url: '/', HealthCheck: { CheckType: 'TCP' } }),
      'InvalidParameterValue',
      /CheckType/,
    );
    assert.deepEqual(await rulesOf(http), []);
  });

  test('with SNI on, a new domain needs its certificate; ModifyDomainAttributes rotates it for every rule of the domain', async () => {
    const id = await listener({ Ports: [443], Protocol: 'HTTPS', SniSwitch: 1 });
    await refused('CreateRule', { ListenerId: id, Rules: [{ Domain: 'www.example.com', Url: '/' }] }, 'MissingParameter', /certificate/);
    const created = await api(emu, 'CreateRule', {
      LoadBalancerId: lb,
      ListenerId: id,
      Rules: [
        { Domain: 'www.example.com', Url: '/', Certificate: { CertId: 'OldCert1' } },
        { Domain: 'www.example.com', Url: '/static' },
      ],
    });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
    finishTasks();
    const rotated = await api(emu, 'ModifyDomainAttributes', {
      LoadBalancerId: lb,
      ListenerId: id,
      Domain: 'www.example.com',
      Certificate: { CertId: 'NewCert1' },
    });
    assert.equal(rotated.Error, undefined, JSON.stringify(rotated.Error));
    assert.deepEqual(
      (await rulesOf(id)).map((r) => (r.Certificate as { CertId: string }).CertId),
      ['OldCert1', 'OldCert1'],
      'the old certificate until the task ends',
    );
    finishTasks();
    assert.deepEqual(
      (await rulesOf(id)).map((r) => (r.Certificate as { CertId: string }).CertId),
      ['NewCert1', 'NewCert1'],
    );
  });

  test('ModifyRule changes one rule once its task succeeds; DeleteRule removes by id; unknown ids are LocationNotFound', async () => {
    const id = await listener({ Ports: [80], Protocol: 'HTTP' });
    const created = await api(emu, 'CreateRule', {
      LoadBalancerId: lb,
      ListenerId: id,
      Rules: [
        { Domain: 'www.example.com', Url: '/' },
        { Domain: 'www.example.com', Url: '/old' },
      ],
    });
    finishTasks();
    const [first, second] = created.LocationIds as string[];
    const modified = await api(emu, 'ModifyRule', {
      LoadBalancerId: lb,
      ListenerId: id,
      LocationId: second,
      Url: '/new',
      HealthCheck: { HttpCheckPath: '/healthz' },
      Scheduler: 'IP_HASH',
    });
    assert.equal(modified.Error, undefined, JSON.stringify(modified.Error));
    assert.equal((await rulesOf(id))[1]!.Url, '/old');
    finishTasks();
    const changed = (await rulesOf(id))[1]!;
    assert.equal(changed.Url, '/new');
    assert.equal(changed.Scheduler, 'IP_HASH');
    assert.equal((changed.HealthCheck as Record<string, unknown>).HttpCheckPath, '/healthz');
    assert.equal((changed.HealthCheck as Record<string, unknown>).HealthNum, 3, 'the other health-check fields are kept');
    await refused('ModifyRule', { ListenerId: id, LocationId: first, Url: '/new' }, 'InvalidParameterValue', /already exists/);
    await refused('ModifyRule', { ListenerId: id, LocationId: 'loc-00000000' }, 'InvalidParameter.LocationNotFound', /loc-00000000/);
    await refused('DeleteRule', { ListenerId: id, LocationIds: ['loc-00000000'] }, 'InvalidParameter.LocationNotFound', /loc-00000000/);
    const deleted = await api(emu, 'DeleteRule', { LoadBalancerId: lb, ListenerId: id, LocationIds: [second] });
    assert.equal(deleted.Error, undefined, JSON.stringify(deleted.Error));
    assert.equal((await rulesOf(id)).length, 2, 'listed until the task succeeds');
    finishTasks();
    assert.deepEqual(
      (await rulesOf(id)).map((r) => r.LocationId),
      [first],
    );
  });

  test('a failed CreateRule task removes its rules again; faults apply to the new actions', async () => {
    const id = await listener({ Ports: [80], Protocol: 'HTTP' });
    await emu.faults([{ kind: 'taskFail', action: 'CreateRule', message: 'rule task failed' }]);
    const created = await api(emu, 'CreateRule', { LoadBalancerId: lb, ListenerId: id, Rules: [{ Domain: 'a.example.com', Url: '/' }] });
    assert.equal((await rulesOf(id)).length, 1);
    finishTasks();
    const task = await api(emu, 'DescribeTaskStatus', { TaskId: created.RequestId });
    assert.equal(task.Status, 1);
    assert.equal(task.Message, 'rule task failed');
    assert.deepEqual(await rulesOf(id), []);
    await emu.faults([{ kind: 'apiError', action: 'DeleteRule', code: 'InternalError' }]);
    const answer = await api(emu, 'DeleteRule', { LoadBalancerId: lb, ListenerId: id, LocationIds: ['loc-00000000'] });
    assert.equal(answer.Error?.Code, 'InternalError');
  });
});
