// Once the API has accepted a create, the run never loses the ids and never says "nothing was
// sent": whatever can fail on the result is checked before sending, polls are retried like reads,
// and a failure after acceptance is exit 7 with the ids and the resume command. In-process.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, type TempHome } from './helpers/home.js';
import { Writable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { testContext } from './helpers/run.js';

/** stdout on a full disk: every write fails with ENOSPC, as `> /dev/full` does. */
class FullDisk extends Writable {
  text = '';
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
  }
}

const LB = 'lb-accept01';
let emu: InProcessEmulator;
let home: TempHome;
let nextPort = 30000;

before(async () => {
  emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  home = makeTempHome();
});
after(async () => {
  await emu.stop();
  home.cleanup();
});
beforeEach(() => emu.reset());

async function create(extra: string[], options: { fullDisk?: boolean } = {}) {
  const env = home.env({ TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey, TENCENTCLOUD_REGION: emu.region });
  const args = ['create', '--lb', LB, '--port', String(nextPort++), '--protocol', 'TCP', '--endpoint', emu.endpoint, ...extra];
  const ctx = testContext({ env, ...(emu.clock ? { clock: emu.clock } : {}) });
  const stdout = options.fullDisk ? new FullDisk() : ctx.stdout;
  stdout.on('error', () => {}); // the command learns of the failure through its write callback
  const code = await main(args, { ...ctx, stdout });
  return { code, stdout: stdout.text, stderr: ctx.stderr.text };
}

describe('--query is checked on the shape of the result before sending', () => {
  for (const query of ['abs(ListenerIds)', 'no_such_function(ListenerIds)', 'sort_by(Listeners, &Port)[0].ListenerName.foo | abs(@)']) {
    test(`--query '${query}' is exit 2 and nothing is sent`, async () => {
      const result = await create(['-o', 'json', '--query', query]);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /"Code":"Usage"/);
      assert.equal(await emu.requestCount(), 0);
    });
  }

  test('a query that holds on the shape still works on the real result', async () => {
    const result = await create(['--query', 'Listeners[0].ListenerId']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), (await emu.state()).listeners[0]!.ListenerId);
  });
});

describe('stdout fails after an accepted create (a full disk)', () => {
  for (const wait of [true, false]) {
    test(`exit 7, the ids and the resume command on stderr, no stack trace${wait ? '' : ' (--no-wait)'}`, async () => {
      const result = await create(wait ? [] : ['--no-wait'], { fullDisk: true });
      assert.equal(result.code, 7, result.stderr);
      const listener = (await emu.state()).listeners[0]!;
      assert.match(result.stderr, /could not write the result to stdout \(no space left on the device\)/);
      assert.match(result.stderr, new RegExp(`^listener ids: ${listener.ListenerId}$`, 'm'));
      assert.match(result.stderr, new RegExp(`clb-listener wait ${listener.TaskId}`));
      assert.doesNotMatch(result.stderr, /\n\s+at |this is a bug/);
      assert.equal(await emu.requestCount('CreateListener'), 1);
    });
  }
});

describe('polls after an accepted create are reads', () => {
  for (const code of ['InternalError', 'RequestLimitExceeded']) {
    test(`a poll answered ${code} is retried and the create ends in success`, async () => {
      await emu.faults([{ action: 'DescribeTaskStatus', kind: 'apiError', code }]);
      const result = await create(['-o', 'json']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(await emu.requestCount('CreateListener'), 1);
      assert.ok((await emu.requestCount('DescribeTaskStatus')) >= 2);
    });
  }

  test('AuthFailure on a poll is exit 7 with the ids, never exit 3', async () => {
    await emu.faults([{ action: 'DescribeTaskStatus', kind: 'apiError', code: 'AuthFailure.SignatureExpire' }]);
    const result = await create([]);
    assert.equal(result.code, 7, result.stderr);
    const listener = (await emu.state()).listeners[0]!;
    assert.match(result.stderr, new RegExp(`CreateListener was accepted \\(task ${listener.TaskId}\\)`));
    assert.match(result.stderr, new RegExp(`^listener ids: ${listener.ListenerId}$`, 'm'));
    assert.match(result.stderr, new RegExp(`clb-listener wait ${listener.TaskId}`));
  });
});

describe('a create whose fate is unknown is never resent', () => {
  test('InternalError on CreateListener after it was carried out: the listener is looked up, found and reported, not resent', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InternalError', processed: true }]);
    const result = await create([]);
    // Reconciled (docs/reconcile.md): the outcome was unknown, DescribeListeners settles it.
    assert.equal(result.code, 0, result.stderr);
    const listener = (await emu.state()).listeners[0]!;
    assert.equal(result.stdout, `${listener.ListenerId}\n`);
    assert.match(result.stderr, /warning: the answer to CreateListener was lost \(CreateListener failed: InternalError/);
    assert.equal(await emu.requestCount('CreateListener'), 1);
  });
});

describe('stdout fails after apply made its changes (a full disk)', () => {
  for (const output of ['text', 'json']) {
    test(`exit 7 and the created ids on stderr, not "nothing changed" (-o ${output})`, async () => {
      const file = join(home.dir, `listeners-${output}.yaml`);
      const ports = [nextPort++, nextPort++];
      writeFileSync(file, `listeners:\n  - {LoadBalancerId: ${LB}, Ports: [${ports.join(', ')}], Protocol: TCP}\n`);
      const env = home.env({
        TENCENTCLOUD_SECRET_ID: emu.secretId,
        TENCENTCLOUD_SECRET_KEY: emu.secretKey,
        TENCENTCLOUD_REGION: emu.region,
      });
      const ctx = testContext({ env, ...(emu.clock ? { clock: emu.clock } : {}) });
      const stdout = new FullDisk();
      stdout.on('error', () => {});
      const code = await main(['apply', '-f', file, '--endpoint', emu.endpoint, '-o', output], { ...ctx, stdout });
      const stderr = ctx.stderr.text;
      assert.equal(code, 7, stderr);
      const ids = (await emu.state()).listeners.map((l) => l.ListenerId);
      assert.equal(ids.length, 2);
      for (const id of ids) assert.ok(stderr.includes(id), `${id} is on stderr: ${stderr}`);
      assert.match(stderr, /apply made 2 changes, but could not write the result to stdout/);
      assert.match(stderr, /clb-listener apply -f \S+ --plan --endpoint/);
      assert.doesNotMatch(stderr, /\n\s+at |this is a bug/);
    });
  }
});
