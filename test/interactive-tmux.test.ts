// `create -i` end to end in a real terminal (tmux): the real binary, typed into with send-keys,
// read with capture-pane, against an emulator in this process. Plus the refusal with piped stdio.
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTmux, tmuxAvailable, sh, type TmuxSession } from './helpers/tmux.js';
import { BIN, REPO_ROOT, makeTempHome, runCli, type TempHome } from './helpers/home.js';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const KEY_LINES = ['server.key', 'server-ecc.key'].flatMap((f) =>
  fixture(f)
    .split('\n')
    .filter((l) => l.length > 20 && !l.startsWith('-----')),
);
const skip = tmuxAvailable() ? false : 'tmux is not installed';

let emulator: InProcessEmulator;
let home: TempHome;
let session: TmuxSession | undefined;

before(async () => {
  // Real time: the CLI is a real process in the terminal.
  emulator = await inProcessEmulator({ taskDelayMs: 50, realTime: true });
  home = makeTempHome();
});
after(async () => {
  await emulator?.stop();
  home?.cleanup();
});
afterEach(async () => {
  session?.kill();
  session = undefined;
  await emulator.reset();
});

/** Runs `clb-listener create -i <args>` in a fresh tmux session in test/fixtures. */
function runInTerminal(args: string[], options: { credentials?: boolean } = {}): TmuxSession {
  const env = home.env({
    ...(options.credentials !== false && { TENCENTCLOUD_SECRET_ID: emulator.secretId, TENCENTCLOUD_SECRET_KEY: emulator.secretKey }),
    TENCENTCLOUD_REGION: emulator.region,
  });
  const assignments = Object.entries(env).map(([k, v]) => sh(`${k}=${v}`));
  const command = [
    'env',
    '-i',
    ...assignments,
    `TERM=${'xterm-256color'}`,
    sh(process.execPath),
    sh(BIN),
    'create',
    '-i',
    '--endpoint',
    emulator.endpoint,
    ...args.map(sh),
  ].join(' ');
  // After the command: its exit code, and whether the terminal is back in canonical mode with echo.
  const script = `${command}; echo EXIT=$?; echo STTY=$(stty -a | tr ' ;' '\\n\\n' | grep -E -x -- '-?(icanon|echo)' | tr '\\n' ' '); sleep 30`;
  session = startTmux(script, { cwd: FIXTURES });
  return session;
}

/** A listener made through the API, as if it had been there before. */
async function existingListener(lb: string, port: number, protocol: string): Promise<string> {
  const res = await api(emulator, 'CreateListener', {
    LoadBalancerId: lb,
    Ports: [port],
    Protocol: protocol,
    Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'EmuRsa01' },
  });
  assert.equal(res.Error, undefined, JSON.stringify(res.Error));
  return (res.ListenerIds as string[])[0]!;
}

async function exitCode(term: TmuxSession): Promise<{ code: number; pane: string }> {
  const pane = await term.waitFor(/^EXIT=\d+$/m);
  return { code: Number(/^EXIT=(\d+)$/m.exec(pane)![1]), pane: await term.waitFor(/^STTY=/m) };
}

function assertNoKeyMaterial(pane: string): void {
  for (const line of KEY_LINES) assert.ok(!pane.includes(line), `a private key line was shown:\n${pane}`);
  assert.ok(!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pane), 'a PEM private key was shown');
}

describe('create -i in a real terminal (tmux)', { skip }, () => {
  test('HTTPS: a wrong path is re-asked, then server.crt + server.key are uploaded and the listener created', async () => {
    const term = runInTerminal([]);
    await term.answer(/❯ lb-emu00001 +emulator-lb-1/, undefined, 'Enter');
    await term.answer('? Protocol', undefined, 'Down', 'Down', 'Down', 'Enter');
    await term.answer('? Port(s)', undefined, 'Enter');
    await term.answer('? SNI', undefined, 'Enter');
    await term.answer('? Server certificates', undefined, 'Enter');
    await term.answer('? SSL mode', undefined, 'Enter');
    // The account has certificates, so picking one is offered first; this run uploads.
    await term.answer(/❯ An existing certificate in the account/, undefined, 'Down', 'Enter');
    await term.answer('? Certificate PEM file', 'nope.crt', 'Enter');
    await term.answer('> nope.crt: cannot read the file (no such file)', undefined, 'C-u');
    await term.answer(/\? Certificate PEM file\s*$/m, 'server.crt', 'Enter');
    await term.answer('? Private key PEM file', 'server.key', 'Enter');
    await term.answer('? Certificate name (www-example-com)', undefined, 'Enter');
    await term.answer('? Create it? (Y/n)', undefined, 'Enter');
    const { code, pane } = await exitCode(term);

    assert.equal(code, 0, pane);
    assert.match(pane, /✔ Certificate PEM file server\.crt/);
    assert.match(pane, /subject {2}CN=www\.example\.com, O=clb-listener tests/);
    assert.match(pane, /SANs {5}DNS:www\.example\.com, DNS:example\.com/);
    assert.match(pane, /"CertKey": "<from file server\.key>"/);
    assert.match(
      pane,
      /clb-listener create --lb lb-emu00001 --port 443 --protocol HTTPS --cert-file server\.crt --key-file server\.key --cert-name www-example-com --endpoint http:/,
    );
    const id = /^(lbl-[a-z0-9]{8})$/m.exec(pane)?.[1];
    assert.ok(id, `no listener id line in:\n${pane}`);
    assert.match(pane, /STTY=icanon echo/);
    assertNoKeyMaterial(pane);

    const state = await emulator.state();
    assert.equal(state.listeners.length, 1);
    const listener = state.listeners[0]!;
    assert.equal(listener.ListenerId, id);
    assert.deepEqual([listener.Protocol, listener.Port], ['HTTPS', 443]);
    const sent = listener.request.Certificate as Record<string, string>;
    assert.equal(sent.CertName, 'www-example-com');
    assert.equal(sent.CertContent, fixture('server.crt'));
    assert.equal(sent.CertKey, fixture('server.key'));
    assert.equal(sent.SSLMode, 'UNIDIRECTIONAL');
  });

  test('TCP_SSL mutual TLS: ECC server certificate, client CA from ca.crt', async () => {
    const term = runInTerminal(['--lb', emulator.loadBalancers[0]!, '--protocol', 'TCP_SSL', '--port', '7443']);
    await term.answer('? Server certificates', undefined, 'Enter');
    await term.answer('? SSL mode', undefined, 'Down', 'Enter');
    await term.answer(/❯ An existing certificate in the account/, undefined, 'Down', 'Enter');
    await term.answer('? Certificate PEM file', 'server-ecc.crt', 'Enter');
    await term.answer('? Private key PEM file', 'server-ecc.key', 'Enter');
    await term.answer('? Certificate name', undefined, 'Enter');
    await term.answer(/❯ An existing CA certificate in the account/, undefined, 'Down', 'Enter');
    await term.answer('? CA certificate PEM file', 'ca.crt', 'Enter');
    await term.answer('? CA certificate name (clb-listener-Test-CA)', undefined, 'Enter');
    await term.answer('? Client certificates', undefined, 'Enter');
    await term.answer('? Create it?', undefined, 'Enter');
    const { code, pane } = await exitCode(term);

    assert.equal(code, 0, pane);
    assert.match(pane, /key {6}ECC P-256/);
    assert.match(pane, /subject {2}CN=clb-listener Test CA/);
    assert.match(
      pane,
      /--ssl-mode MUTUAL --ssl-verify-client ON --cert-file server-ecc\.crt --key-file server-ecc\.key --cert-name www-example-com --ca-file ca\.crt --ca-name clb-listener-Test-CA/,
    );
    assert.match(pane, /^lbl-[a-z0-9]{8}$/m);
    assertNoKeyMaterial(pane);

    const [listener] = (await emulator.state()).listeners;
    const sent = listener!.request.Certificate as Record<string, string>;
    assert.equal(sent.SSLMode, 'MUTUAL');
    assert.equal(sent.SSLVerifyClient, 'ON');
    assert.equal(sent.CertCaName, 'clb-listener-Test-CA');
    assert.equal(sent.CertCaContent, fixture('ca.crt'));
    assert.equal(sent.CertContent, fixture('server-ecc.crt'));
    const output = listener!.Certificate as Record<string, unknown>;
    assert.equal(output.SSLMode, 'MUTUAL');
    assert.ok(output.CertCaId, 'the listener has a CA certificate');
  });

  test('HTTPS with SNI: two domains, each with its certificate (an upload, an account one), created with the listener', async () => {
    const term = runInTerminal(['--lb', emulator.loadBalancers[0]!, '--protocol', 'HTTPS', '--port', '443']);
    await term.answer('? SNI', undefined, 'Down', 'Enter');
    await term.answer('? Add the domains now', undefined, 'Enter');
    await term.answer('? Domain', 'www.example.com', 'Enter');
    await term.answer('? URL paths of www.example.com', undefined, 'Enter');
    await term.answer(/❯ An existing certificate in the account/, undefined, 'Down', 'Enter');
    await term.answer('? Certificate PEM file', 'server.crt', 'Enter');
    await term.answer('? Private key PEM file', 'server.key', 'Enter');
    await term.answer('? Certificate name', undefined, 'Enter');
    await term.answer('? Another domain', 'api.example.com', 'Enter');
    await term.answer('? URL paths of api.example.com', '/v1', 'Enter');
    await term.answer(/❯ An existing certificate in the account/, undefined, 'Enter');
    await term.answer('Type an id instead', 'ecc');
    await term.answer(/❯ EmuEcc01 +www\.example\.com +ECC +expires/, undefined, 'Enter');
    await term.answer('? Another domain', undefined, 'Enter');
    await term.answer('? Default domain', undefined, 'Enter');
    await term.answer('? Create it?', undefined, 'Enter');
    const { code, pane } = await exitCode(term);

    assert.equal(code, 0, pane);
    assert.match(
      pane,
      /clb-listener create --lb lb-emu00001 --port 443 --protocol HTTPS --sni-switch 1 --rule '\{"Domain":"www\.example\.com"/,
    );
    assert.match(pane, /"CertKey":"file:\/\/server\.key"/);
    const id = /^(lbl-[a-z0-9]{8})$/m.exec(pane)?.[1];
    assert.ok(id, `no listener id line in:\n${pane}`);
    const locations = [...pane.matchAll(/^(loc-[a-z0-9]{8})$/gm)].map((m) => m[1]);
    assert.equal(locations.length, 2, pane);
    assert.match(pane, /STTY=icanon echo/);
    assertNoKeyMaterial(pane);

    const listener = (await emulator.state()).listeners.find((l) => l.ListenerId === id)!;
    const rules = listener.Rules as {
      LocationId: string;
      Domain: string;
      Url: string;
      DefaultServer: boolean;
      Certificate: { CertId: string };
    }[];
    assert.deepEqual(
      rules.map((r) => [r.LocationId, r.Domain, r.Url, r.DefaultServer]),
      [
        [locations[0], 'www.example.com', '/', true],
        [locations[1], 'api.example.com', '/v1', false],
      ],
    );
    assert.equal(rules[1]!.Certificate.CertId, 'EmuEcc01');
    assert.ok(rules[0]!.Certificate.CertId, 'the uploaded certificate has an id');
  });

  test('picks from the account: a load balancer from the list, the port checked while typed, a certificate from the list', async () => {
    const holder = await existingListener(emulator.loadBalancers[1]!, 443, 'HTTPS');
    const term = runInTerminal([]);
    // Every load balancer with its name, VIP, type and listener count.
    await term.waitFor(/lb-emu00002 +emulator-lb-2 +203\.0\.113\.3 +OPEN +1 listener/);
    await term.answer(/❯ lb-emu00001/, undefined, 'Down', 'Enter');
    await term.answer('? Protocol', undefined, 'Down', 'Down', 'Down', 'Enter');
    await term.answer('? Port(s)', undefined, 'Enter'); // 443: taken
    await term.answer(`> 443 is used by ${holder} (HTTPS): pick another port`, undefined, 'C-u');
    await term.answer(/\? Port\(s\)[^\n]*\s*$/, '8443', 'Enter');
    await term.answer('? SNI', undefined, 'Enter');
    await term.answer('? Server certificates', undefined, 'Enter');
    await term.answer('? SSL mode', undefined, 'Enter');
    await term.answer(/❯ An existing certificate in the account \(3, 1 expired\)/, undefined, 'Enter');
    await term.waitFor(/EmuOld01 +old\.example\.com +RSA +expired \d{4}-\d{2}-\d{2}$/m);
    await term.answer('Type an id instead', 'ecc');
    await term.answer(/❯ EmuEcc01 +www\.example\.com +ECC +expires/, undefined, 'Enter');
    await term.answer('? Create it?', undefined, 'Enter');
    const { code, pane } = await exitCode(term);

    assert.equal(code, 0, pane);
    assert.match(pane, /clb-listener create --lb lb-emu00002 --port 8443 --protocol HTTPS --cert-id EmuEcc01 --endpoint http:/);
    assert.match(pane, /STTY=icanon echo/);
    const listener = (await emulator.state()).listeners.find((l) => l.Port === 8443);
    assert.deepEqual(listener?.request, {
      LoadBalancerId: 'lb-emu00002',
      Ports: [8443],
      Protocol: 'HTTPS',
      Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'EmuEcc01' },
    });
  });

  test('without credentials: a one-line note, then the ids are typed (nothing listed, nothing sent)', async () => {
    const term = runInTerminal(['--protocol', 'TCP', '--port', '9000', '--dry-run'], { credentials: false });
    await term.answer('? Load balancer id', 'lb-emu00003', 'Enter');
    await term.answer('Show the request', undefined, 'Enter');
    const { code, pane } = await exitCode(term);

    assert.equal(code, 0, pane);
    assert.match(pane, /^ {2}not listing from the account \(no credentials found\): type the ids; without credentials the request can/m);
    assert.match(pane, /"LoadBalancerId": "lb-emu00003"/);
    assert.match(pane, /STTY=icanon echo/);
    assert.equal(await emulator.requestCount(), 0);
  });

  test('Ctrl-C at a prompt: exit 130, nothing sent, terminal left sane', async () => {
    const term = runInTerminal(['--lb', emulator.loadBalancers[0]!, '--protocol', 'HTTPS', '--port', '443']);
    await term.answer('? SNI', undefined, 'Enter');
    await term.answer('? Server certificates', undefined, 'Down');
    await term.answer('❯ Several', undefined, 'C-c');
    const { code, pane } = await exitCode(term);

    assert.equal(code, 130, pane);
    assert.match(pane, /cancelled, nothing sent/);
    assert.doesNotMatch(pane, /^\s+at /m, 'no stack trace');
    assert.match(pane, /STTY=icanon echo/, 'raw mode is off again');
    assert.equal(term.display('#{cursor_flag}'), '1', 'the cursor is visible');
    assert.equal(await emulator.requestCount('CreateListener'), 0);
  });
});

describe('create -i off a terminal', () => {
  test('piped stdio: exit 2, naming the flags to pass instead; nothing sent', async () => {
    const env = home.env({
      TENCENTCLOUD_SECRET_ID: emulator.secretId,
      TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
      TENCENTCLOUD_REGION: emulator.region,
    });
    const result = await runCli(['create', '-i', '--protocol', 'HTTPS', '--endpoint', emulator.endpoint], { env, input: 'lb-emu00001\n' });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /--interactive needs a terminal \(stdin is not a terminal, stdout is not a terminal\); pass the flags instead: --lb, --port, --cert-id or --cert-file\/--key-file/,
    );
    assert.equal(await emulator.requestCount(), 0);
  });
});
