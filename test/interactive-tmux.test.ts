// `create -i` end to end in a real terminal (tmux): the real binary, typed into with send-keys,
// read with capture-pane, against an emulator in this process. Plus the refusal with piped stdio.
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTmux, tmuxAvailable, sh, type TmuxSession } from './helpers/tmux.js';
import { BIN, REPO_ROOT, makeTempHome, runCli, type TempHome } from './helpers/home.js';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';

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
function runInTerminal(args: string[]): TmuxSession {
  const env = home.env({
    TENCENTCLOUD_SECRET_ID: emulator.secretId,
    TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
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
    await term.answer('? Load balancer id', emulator.loadBalancers[0], 'Enter');
    await term.answer('? Protocol', undefined, 'Down', 'Down', 'Down', 'Enter');
    await term.answer('? Port(s)', undefined, 'Enter');
    await term.answer('? SNI', undefined, 'Enter');
    await term.answer('? Server certificates', undefined, 'Enter');
    await term.answer('? SSL mode', undefined, 'Enter');
    await term.answer(/^\? Server certificate$/m, undefined, 'Enter');
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
    await term.answer(/^\? Server certificate$/m, undefined, 'Enter');
    await term.answer('? Certificate PEM file', 'server-ecc.crt', 'Enter');
    await term.answer('? Private key PEM file', 'server-ecc.key', 'Enter');
    await term.answer('? Certificate name', undefined, 'Enter');
    await term.answer('? Client CA certificate', undefined, 'Enter');
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
