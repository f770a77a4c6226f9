// One output contract for every command (README, "Output formats"): `-o json` prints one object
// that parses, in the documented shape; `--query` (and tccli's `--filter`) picks from it; `-o
// table` is columns; text stays what scripts read. In-process through main(argv, ctx).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { fakeTerminal, KEY, terminalContext } from './helpers/fake-tty.js';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, NO_METADATA_URL, type TempHome } from './helpers/home.js';
import { CREATE_LISTENER_FIELDS } from '../src/model/fields.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let emu: InProcessEmulator;
let home: TempHome;
const LB = 'lb-contr001';

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers: [LB] });
  home = makeTempHome();
  home.tccli('default', {
    credential: { secretId: 'AKIDcontract000000000000000000000001', secretKey: 'contract-secret-key-0000000000001' },
    configure: { _sys_param: { region: 'ap-guangzhou', output: 'json' } },
  });
});
after(async () => {
  await emu.stop();
  home.cleanup();
});

/** The environment of a run against the emulator (its keys), or with the profile only. */
function envFor(withEmulator: boolean): Record<string, string> {
  return {
    HOME: home.dir,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
    ...(withEmulator && {
      TENCENTCLOUD_SECRET_ID: emu.secretId,
      TENCENTCLOUD_SECRET_KEY: emu.secretKey,
      TENCENTCLOUD_REGION: emu.region,
    }),
  };
}

async function run(args: string[], options: { emulator?: boolean; signal?: AbortSignal; cwd?: string } = {}): Promise<Run> {
  const term = fakeTerminal({ tty: false });
  term.stdin.end();
  const withEmulator = options.emulator ?? true;
  const ctx = terminalContext(term, {
    env: envFor(withEmulator),
    cwd: options.cwd ?? home.dir,
    ...(options.signal && { signal: options.signal }),
  });
  const argv = withEmulator && args[0] !== 'emulator' ? [...args, '--endpoint', emu.endpoint] : args;
  const code = await main(argv, ctx);
  return { code, stdout: term.stdout.text, stderr: term.stderr.text };
}

function json(result: Run, what: string): Record<string, unknown> {
  assert.equal(result.code, 0, `${what}: exit ${result.code}\n${result.stderr}`);
  try {
    return JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    assert.fail(`${what}: stdout is not one JSON document:\n${result.stdout}`);
  }
}

const keys = (value: unknown) => Object.keys(value as object).sort();
const sorted = (...names: string[]) => [...names].sort();

describe('every command: -o json parses in its documented shape, --query picks from it', () => {
  test('create, list, wait, delete', async () => {
    const created = json(
      await run(['create', '--lb', LB, '--port', '7000,7001', '--protocol', 'TCP', '--name', 'a,b', '-o', 'json']),
      'create',
    );
    assert.deepEqual(keys(created), sorted('ListenerIds', 'RequestId', 'LoadBalancerId', 'Ports', 'Protocol', 'TaskStatus', 'Listeners'));
    assert.equal(created.TaskStatus, 'SUCCESS');
    assert.deepEqual(keys((created.Listeners as unknown[])[0]), sorted('ListenerId', 'Port', 'ListenerName'));
    const ids = created.ListenerIds as string[];

    const first = await run(['create', '--lb', LB, '--port', '7002', '--protocol', 'UDP', '--query', 'ListenerIds[0]']);
    assert.match(first.stdout, /^lbl-[a-z0-9]{8}\n$/, 'text: a picked string is bare');
    const quoted = await run(['create', '--lb', LB, '--port', '7003', '--protocol', 'UDP', '--query', 'ListenerIds[0]', '-o', 'json']);
    assert.match(quoted.stdout, /^"lbl-[a-z0-9]{8}"\n$/, 'json: the picked value as JSON');

    const listed = json(await run(['list', '--lb', LB, '-o', 'json']), 'list');
    assert.deepEqual(keys(listed), sorted('Listeners', 'TotalCount', 'RequestId'));
    assert.equal(listed.TotalCount, 4);
    const ports = await run(['list', '--lb', LB, '--query', "Listeners[?Protocol=='TCP'].Port | sort(@)", '-o', 'json']);
    assert.deepEqual(JSON.parse(ports.stdout), [7000, 7001]);

    const noWait = json(
      await run(['create', '--lb', LB, '--port', '7004', '--protocol', 'TCP', '--no-wait', '-o', 'json']),
      'create --no-wait',
    );
    const waited = json(await run(['wait', String(noWait.RequestId), '-o', 'json']), 'wait');
    assert.deepEqual(keys(waited), sorted('RequestId', 'Status', 'TaskStatus', 'LoadBalancerIds'));
    assert.equal((await run(['wait', String(noWait.RequestId), '--query', 'TaskStatus'])).stdout, 'SUCCESS\n');

    const deleted = json(await run(['delete', '--lb', LB, '--listener-id', ids.join(','), '-o', 'json']), 'delete');
    assert.deepEqual(keys(deleted), sorted('LoadBalancerId', 'ListenerIds', 'RequestId', 'TaskStatus'));
    assert.deepEqual(deleted.ListenerIds, ids);
    assert.equal(
      (await run(['delete', '--lb', LB, '--listener-id', String(noWait.ListenerIds), '--query', 'length(ListenerIds)'])).stdout,
      '1\n',
    );
  });

  test('apply: --plan, the run, --schema', async () => {
    writeFileSync(home.path('listeners.yaml'), `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 7200\n    Protocol: TCP\n`);
    const plan = json(await run(['apply', '-f', 'listeners.yaml', '--plan', '-o', 'json']), 'apply --plan');
    assert.deepEqual(keys(plan), sorted('Changes', 'Summary', 'Requests'));
    assert.equal((await run(['apply', '-f', 'listeners.yaml', '--plan', '--query', 'Summary.Create'])).stdout, '1\n');
    const applied = json(await run(['apply', '-f', 'listeners.yaml', '-o', 'json']), 'apply');
    assert.deepEqual(keys(applied), sorted('Listeners', 'Summary'));
    assert.deepEqual(
      keys((applied.Listeners as unknown[])[0]),
      sorted('LoadBalancerId', 'Protocol', 'Port', 'ListenerName', 'ListenerId', 'Action', 'Result', 'Source'),
    );
    assert.equal((await run(['apply', '-f', 'listeners.yaml', '--query', 'Summary.Unchanged'])).stdout, '1\n');
    const schema = json(await run(['apply', '--schema', '-o', 'json'], { emulator: false }), 'apply --schema');
    assert.equal(schema.title, 'clb-listener apply file');
    assert.equal((await run(['apply', '--schema', '--query', 'required[0]'], { emulator: false })).stdout, 'listeners\n');
  });

  test('create --skeleton and --dry-run', async () => {
    const skeleton = json(await run(['create', '--skeleton', '-o', 'json'], { emulator: false }), 'skeleton');
    assert.deepEqual(keys(skeleton), sorted(...CREATE_LISTENER_FIELDS.map((f) => f.api)));
    assert.equal(
      (await run(['create', '--skeleton', '--query', 'Protocol'], { emulator: false })).stdout,
      'TCP\n'.replace('TCP', String(skeleton.Protocol)),
    );

    const dry = json(await run(['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--dry-run', '-o', 'json']), 'dry run');
    assert.deepEqual(keys(dry), sorted('DryRun', 'Action', 'Region', 'Endpoint', 'Headers', 'Body'));
    assert.equal(
      (await run(['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--dry-run', '--query', 'Body.Ports[0]'])).stdout,
      '80\n',
    );
    const deleteDry = json(
      await run(['delete', '--lb', LB, '--listener-id', 'lbl-aaaa0001', '--dry-run', '-o', 'json']),
      'delete --dry-run',
    );
    assert.equal(deleteDry.Action, 'DeleteLoadBalancerListeners');
  });

  test('whoami and configure show', async () => {
    for (const command of [['whoami'], ['configure', 'show']]) {
      const view = json(await run([...command, '-o', 'json'], { emulator: false }), command.join(' '));
      assert.deepEqual(
        keys(view),
        sorted(
          'Profile',
          'ProfileSource',
          'CredentialSource',
          'CredentialKind',
          'Role',
          'SecretId',
          'HasToken',
          'ExpiresAt',
          'Region',
          'RegionSource',
          'Endpoint',
          'EndpointSource',
          'Language',
          'LanguageSource',
        ),
      );
      assert.equal(view.SecretId, 'AKID****0001');
      assert.equal((await run([...command, '--query', 'Region'], { emulator: false })).stdout, 'ap-guangzhou\n');
      const table = (await run([...command, '-o', 'table'], { emulator: false })).stdout.split('\n');
      assert.match(table[0]!, /^FIELD\s+VALUE$/);
      assert.ok(
        table.some((line) => /^Region\s+ap-guangzhou$/.test(line)),
        table.join('\n'),
      );
    }
  });

  test('configure list, get and set', async () => {
    const list = json(await run(['configure', 'list', '-o', 'json'], { emulator: false }), 'configure list');
    assert.deepEqual(keys(list), sorted('Profile', 'Files', 'Values'));
    assert.deepEqual(keys(list.Files), sorted('Credential', 'Configure'));
    assert.equal((list.Values as Record<string, unknown>).region, 'ap-guangzhou');
    assert.equal((list.Values as Record<string, unknown>).secretKey, '****0001', 'masked');
    assert.equal((await run(['configure', 'list', '--query', 'Values.region'], { emulator: false })).stdout, 'ap-guangzhou\n');

    const get = json(await run(['configure', 'get', 'region', '-o', 'json'], { emulator: false }), 'configure get');
    assert.deepEqual(get, { Profile: 'default', Key: 'region', Value: 'ap-guangzhou' });
    assert.equal((await run(['configure', 'get', 'region'], { emulator: false })).stdout, 'ap-guangzhou\n', 'text: the bare value');
    const unset = await run(['configure', 'get', 'language', '-o', 'json'], { emulator: false });
    assert.equal(json(unset, 'get unset').Value, null);
    assert.equal(unset.stderr, '', 'with -o json, no note about the unset key');
    assert.match(
      (await run(['configure', 'get', 'region', '-o', 'table'], { emulator: false })).stdout,
      /^KEY\s+VALUE\nregion\s+ap-guangzhou\n$/,
    );

    const set = json(await run(['configure', 'set', 'language', 'en-US', '-o', 'json'], { emulator: false }), 'configure set');
    assert.deepEqual(set, { Profile: 'default', Keys: ['language'], Files: [home.path('.tccli', 'default.configure')] });
    const again = await run(['configure', 'set', 'language', 'en-US', '--query', 'Files'], { emulator: false });
    assert.equal(again.stdout, '', 'nothing changed: an empty list prints nothing in text');
  });

  test('configure (the prompts): -o json prints what was saved after the last answer', async () => {
    const term = fakeTerminal();
    const ctx = terminalContext(term, { env: envFor(false), cwd: home.dir });
    const done = main(['configure', '--profile', 'prompted', '-o', 'json'], ctx);
    await term.answer('? SecretId', 'AKIDprompted00000000000000000000000001', KEY.enter);
    await term.answer('? SecretKey', 'prompted-secret-key-00000000000000001', KEY.enter);
    await term.answer('? Region', KEY.enter);
    assert.equal(await done, 0, term.err());
    // The prompts share stdout (a terminal); the JSON document starts after the last answer.
    const out = term.out();
    const saved = JSON.parse(out.slice(out.lastIndexOf('\n{') + 1)) as Record<string, unknown>;
    assert.deepEqual(saved, {
      Profile: 'prompted',
      Keys: ['secretId', 'secretKey', 'region'],
      Files: [home.path('.tccli', 'prompted.credential'), home.path('.tccli', 'prompted.configure')],
    });
  });

  test('completion', async () => {
    const completion = json(await run(['completion', 'bash', '-o', 'json'], { emulator: false }), 'completion');
    assert.deepEqual(keys(completion), sorted('Shell', 'File', 'Script'));
    assert.match(String(completion.Script), /clb-listener/);
    const plain = await run(['completion', 'bash'], { emulator: false });
    assert.equal(plain.stdout, completion.Script, 'text is the script byte for byte');
    assert.equal((await run(['completion', 'fish', '--query', 'Shell'], { emulator: false })).stdout, 'fish\n');
  });

  test('emulator: the handshake is one JSON line in text and json; --query picks a field', async () => {
    for (const [args, check] of [
      [
        ['-o', 'json'],
        (out: string) => assert.deepEqual(keys(JSON.parse(out)), sorted('endpoint', 'secretId', 'secretKey', 'region', 'loadBalancers')),
      ],
      [[], (out: string) => assert.equal(out.split('\n').length, 2, 'one line')],
      [['--query', 'endpoint'], (out: string) => assert.match(out, /^http:\/\/127\.0\.0\.1:\d+\n$/)],
    ] as const) {
      const stop = new AbortController();
      const term = fakeTerminal({ tty: false });
      const ctx = terminalContext(term, { env: envFor(false), signal: stop.signal });
      const done = main(['emulator', '--port', '0', ...args], ctx);
      await term.waitFor('\n', 10_000);
      stop.abort();
      assert.equal(await done, 0, term.err());
      check(term.stdout.text);
    }
  });

  test('--filter is --query; both at once must agree', async () => {
    assert.equal((await run(['configure', 'get', 'region', '--filter', 'Value'], { emulator: false })).stdout, 'ap-guangzhou\n');
    const both = await run(['configure', 'get', 'region', '--filter', 'Value', '--query', 'Key'], { emulator: false });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--filter and --query are the same option/);
    const same = await run(['configure', 'get', 'region', '--filter', 'Key', '--query', 'Key'], { emulator: false });
    assert.equal(same.stdout, 'region\n');
  });
});

describe("tccli's spellings for create", () => {
  test('--cli-input-json file://PATH is --from-file; --generate-cli-skeleton [input] is --skeleton', async () => {
    const body = join(home.dir, 'req.json');
    writeFileSync(body, JSON.stringify({ LoadBalancerId: LB, Ports: [7100], Protocol: 'TCP' }));
    const fromUrl = await run(['create', '--cli-input-json', `file://${body}`, '--dry-run', '--query', 'Body']);
    assert.equal(fromUrl.code, 0, fromUrl.stderr);
    assert.deepEqual(JSON.parse(fromUrl.stdout), { LoadBalancerId: LB, Ports: [7100], Protocol: 'TCP' });
    const tilde = await run(['create', '--cli-input-json', 'file://~/req.json', '--port', '7101', '--dry-run', '--query', 'Body.Ports']);
    assert.equal(tilde.stdout, '7101\n', '~ expanded as tccli does; flags override the file');
    const both = await run(['create', '--cli-input-json', `file://${body}`, '--from-file', body, '--dry-run']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--cli-input-json and --from-file are the same option/);
    const missing = await run(['create', '--cli-input-json', 'file://nope.json', '--dry-run']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--cli-input-json nope\.json: cannot read the file \(no such file\)/);

    const skeleton = await run(['create', '--skeleton'], { emulator: false });
    for (const args of [['--generate-cli-skeleton'], ['--generate-cli-skeleton', 'input']]) {
      const tccli = await run(['create', ...args], { emulator: false });
      assert.equal(tccli.code, 0, tccli.stderr);
      assert.equal(tccli.stdout, skeleton.stdout);
    }
    const output = await run(['create', '--generate-cli-skeleton', 'output'], { emulator: false });
    assert.equal(output.code, 2, 'only "input", as in tccli');
  });
});
