// The rule side of an apply plan stays linear in the number of ports: planning reads each file
// listener and each reported listener a bounded number of times, however many there are. Counted
// reads, not time, so the test says the same on a busy machine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateListenerRequest } from '../src/model/fields.js';
import type { DesiredListener } from '../src/model/listener-file.js';
import { buildPlan, type ReportedByLb } from '../src/cli/commands/apply/plan.js';
import { planRules } from '../src/cli/commands/apply/rules-plan.js';

const LB = 'lb-scale001';
const N = 2000;

/** The array, and how many of its elements were read through it. */
function counted<T>(items: T[]): { array: T[]; reads: () => number } {
  let reads = 0;
  const array = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { array, reads: () => reads };
}

function reportedListener(port: number) {
  return {
    ListenerId: `lbl-${String(port).padStart(8, '0')}`,
    Protocol: 'HTTP',
    Port: port,
    ListenerName: '',
    Certificate: null,
    HealthCheck: null,
    Scheduler: null,
    SessionExpireTime: null,
    SniSwitch: 0,
    EndPort: 0,
    Rules: [] as unknown[],
  };
}

describe('planning the rules of many listeners', () => {
  test(`${N} listeners with rules, half of them already there: each listener is read a bounded number of times`, () => {
    const ports = Array.from({ length: N }, (_, i) => 10000 + i);
    const wanted: DesiredListener[] = ports.map((port, index) => ({
      where: `listeners[${index}]`,
      index,
      request: { LoadBalancerId: LB, Ports: [port], Protocol: 'HTTP' } as CreateListenerRequest,
      rules: [{ Domain: `d${port}.example.com`, Url: '/' }],
    }));
    const existing = counted(ports.slice(0, N / 2).map(reportedListener));
    const reported: ReportedByLb = new Map([[LB, existing.array as never]]);
    const plan = buildPlan(wanted, reported, { prune: false });
    const desired = counted(wanted);
    const readsBefore = existing.reads();

    const changes = planRules(plan, desired.array, reported, { prune: false });

    assert.equal(changes.length, N);
    assert.ok(
      changes.every((c) => c.kind === 'create'),
      'every rule is new',
    );
    // A search of the whole list per plan item reads about N²/2 elements (2,000,000 here).
    assert.ok(desired.reads() <= 3 * N, `file listeners read ${desired.reads()} times for ${N} of them`);
    assert.ok(existing.reads() - readsBefore <= 3 * N, `reported listeners read ${existing.reads() - readsBefore} times`);
  });
});
