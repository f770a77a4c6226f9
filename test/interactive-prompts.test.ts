// `create -i` driven in-process through a fake terminal (streams that say they are TTYs): every
// branch of the certificate walk-through, re-asks on bad files, cancellation, the refusal off a
// terminal, and the equivalent command actually reproducing the request.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fakeTerminal, terminalContext, KEY, type FakeTerminal } from './helpers/fake-tty.js';
import { hangUpLater } from './helpers/hang-up.js';
import { REPO_ROOT, makeTempHome, runCli } from './helpers/home.js';
import { interactiveCreate, missingFlags } from '../src/ui/interactive/index.js';
import { checkAnswer, loadValidator } from '../src/model/validate.js';
import { PromptCancelledError } from '../src/ui/interactive/asker.js';
import { inputReader } from '../src/cli/read-input.js';
import { exitCodeFor } from '../src/cli/exit-codes.js';
import { ExitStatus, UsageError } from '../src/core/errors.js';
import { completePath, pathMatches } from '../src/ui/interactive/path-prompt.js';
import { main } from '../src/cli/main.js';
import type { CliContext, GlobalOptions } from '../src/core/context.js';
import type { CreateFlags } from '../src/model/flags.js';
import type { BuiltRequest } from '../src/model/request.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const SERVER_CRT = fixture('server.crt');
const SERVER_KEY = fixture('server.key');
const ECC_CRT = fixture('server-ecc.crt');
const ECC_KEY = fixture('server-ecc.key');
const CA_CRT = fixture('ca.crt');
const GLOBALS = { output: 'text', color: true, debug: false, quiet: false } as GlobalOptions;
const { enter, down, clearLine } = KEY;

/** How a real shell (sh) splits a command line into words: the quoting of a printed command, checked by the shell itself. */
async function shellWords(line: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('sh', ['-c', `for w in ${line}; do printf '%s\\0' "$w"; done`]);
  return stdout.split('\0').slice(0, -1);
}

/** The base64 body lines of the private keys: none may ever be shown. */
const KEY_LINES = [SERVER_KEY, ECC_KEY].flatMap((pem) => pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')));

function assertNoKeyMaterial(term: FakeTerminal): void {
  const screen = term.screen();
  for (const line of KEY_LINES) assert.ok(!screen.includes(line), 'a private key line was shown');
  assert.ok(!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(screen), 'a PEM private key header was shown');
}

interface Started {
  term: FakeTerminal;
  ctx: CliContext;
  result: Promise<BuiltRequest>;
}

function start(
  flags: Record<string, unknown>,
  options: { now?: number; env?: Record<string, string>; ctx?: Partial<CliContext>; tty?: boolean } = {},
): Started {
  const term = fakeTerminal({ tty: options.tty ?? true });
  const ctx = terminalContext(term, { cwd: FIXTURES, env: options.env ?? {}, ...options.ctx });
  const now = options.now ?? Date.now();
  const result = interactiveCreate({ wait: true, ...flags } as CreateFlags, GLOBALS, ctx, { readText: inputReader(ctx), now });
  result.catch(() => {}); // awaited by each test; this only keeps an early rejection from being "unhandled"
  return { term, ctx, result };
}

/** The "Equivalent command" line printed on stderr. */
function equivalentLine(term: FakeTerminal): string {
  const lines = term.err().split('\n');
  const at = lines.findIndex((l) => l.startsWith('Equivalent command'));
  assert.ok(at >= 0, `no equivalent command in:\n${term.err()}`);
  return lines[at + 1]!.trim();
}

describe('interactive create: certificate walk-through', () => {
  test('HTTPS from nothing: upload, wrong path and wrong key re-asked, one-way', async () => {
    const { term, result } = start({});
    await term.answer('? Load balancer id', 'bad', enter);
    await term.answer('"bad" must look like lb-xxxxxxxx', clearLine, 'lb-emu00001', enter);
    await term.answer('? Protocol', down, down, down, enter); // TCP UDP HTTP [HTTPS]
    await term.answer('? Port(s)', enter); // default 443
    await term.answer('? SNI', enter); // off
    await term.answer('? Server certificates', enter); // one
    await term.answer('? SSL mode', enter); // one-way
    await term.answer('? Server certificate', enter); // upload
    await term.answer('? Certificate PEM file', 'nope.crt', enter);
    await term.answer('nope.crt: cannot read the file (no such file)', clearLine, 'server.crt', enter);
    await term.answer('? Private key PEM file', 'other.key', enter);
    await term.answer('other.key does not match the certificate in server.crt', clearLine, 'server.key', enter);
    await term.answer('? Certificate name (www-example-com)', enter);
    await term.answer('? Create it?', enter);
    const built = await result;

    assert.deepEqual(built.request, {
      LoadBalancerId: 'lb-emu00001',
      Ports: [443],
      Protocol: 'HTTPS',
      Certificate: { SSLMode: 'UNIDIRECTIONAL', CertName: 'www-example-com', CertKey: SERVER_KEY, CertContent: SERVER_CRT },
    });
    assert.ok(built.secrets.includes(SERVER_KEY));
    const err = term.err();
    // What was picked, shown before going on.
    assert.match(err, /subject {2}CN=www\.example\.com, O=clb-listener tests/);
    assert.match(err, /SANs {5}DNS:www\.example\.com, DNS:example\.com/);
    assert.match(err, /issuer {3}CN=clb-listener Test CA/);
    assert.match(err, /expires {2}2046-11-23 \(in \d+ days\)/);
    assert.match(err, /key {6}RSA 2048-bit/);
    assert.match(err, /"CertKey": "<from file server\.key>"/);
    assert.match(err, /"CertContent": "<from file server\.crt>"/);
    assert.match(err, /"Ports": \[443\]/);
    assert.equal(
      equivalentLine(term),
      'clb-listener create --lb lb-emu00001 --port 443 --protocol HTTPS --cert-file server.crt --key-file server.key --cert-name www-example-com',
    );
    assertNoKeyMaterial(term);
  });

  test('TCP_SSL mutual: certificate by id, CA uploaded (a private key re-asked), SSLVerifyClient OPTIONAL', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', protocol: 'tcp_ssl' });
    await term.answer('? Port(s)', '8443', enter);
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', down, enter); // mutual
    await term.answer('? Server certificate', down, enter); // id
    await term.answer('? Certificate id', 'MsJyaXVm', enter);
    await term.answer('? Client CA certificate', enter); // upload
    await term.answer('? CA certificate PEM file', 'ca.key', enter);
    await term.answer('ca.key holds a PEM private key, which belongs in the private key file', clearLine, 'ca.crt', enter);
    await term.answer('? CA certificate name (clb-listener-Test-CA)', enter);
    await term.answer('? Client certificates', down, enter); // OPTIONAL
    await term.answer('? Create it?', enter);
    const built = await result;

    assert.equal(term.out().includes('SNI'), false, 'no SNI question for TCP_SSL');
    assert.deepEqual(built.request, {
      LoadBalancerId: 'lb-emu00001',
      Ports: [8443],
      Protocol: 'TCP_SSL',
      Certificate: {
        SSLMode: 'MUTUAL',
        SSLVerifyClient: 'OPTIONAL',
        CertId: 'MsJyaXVm',
        CertCaContent: CA_CRT,
        CertCaName: 'clb-listener-Test-CA',
      },
    });
    assert.match(term.err(), /subject {2}CN=clb-listener Test CA/);
    assert.match(term.err(), /"CertCaContent": "<from file ca\.crt>"/);
    assert.equal(
      equivalentLine(term),
      'clb-listener create --lb lb-emu00001 --port 8443 --protocol tcp_ssl --cert-id MsJyaXVm --ssl-mode MUTUAL --ssl-verify-client OPTIONAL --ca-file ca.crt --ca-name clb-listener-Test-CA',
    );
  });

  test('several certificates: a second RSA is refused, RSA + ECC go out as MultiCertInfo', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'HTTPS' });
    await term.answer('? SNI', enter);
    await term.answer('? Server certificates', down, enter); // several
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate 1', enter);
    await term.answer('? Certificate PEM file', 'server.crt', enter);
    await term.answer('? Private key PEM file', 'server.key', enter);
    await term.answer('? Certificate name (www-example-com)', enter);
    await term.answer('? Add another server certificate', enter); // default yes
    await term.answer('? Server certificate 2', enter);
    await term.answer('? Certificate PEM file', 'server.crt', enter);
    await term.answer('server.crt is RSA, like server.crt: one server certificate per algorithm', clearLine, 'server-ecc.crt', enter);
    await term.answer('? Private key PEM file', 'server.key', enter);
    await term.answer('does not match the certificate in server-ecc.crt', clearLine, 'server-ecc.key', enter);
    await term.answer('? Certificate name (www-example-com-ecc)', enter);
    await term.answer('? Add another server certificate', enter); // default no
    await term.answer('? Create it?', enter);
    const built = await result;

    assert.deepEqual(built.request, {
      LoadBalancerId: 'lb-emu00001',
      Ports: [443],
      Protocol: 'HTTPS',
      MultiCertInfo: {
        SSLMode: 'UNIDIRECTIONAL',
        CertList: [
          { CertName: 'www-example-com', CertContent: SERVER_CRT, CertKey: SERVER_KEY },
          { CertName: 'www-example-com-ecc', CertContent: ECC_CRT, CertKey: ECC_KEY },
        ],
      },
    });
    assert.ok(built.secrets.includes(SERVER_KEY) && built.secrets.includes(ECC_KEY));
    assert.match(term.err(), /key {6}ECC P-256/);
    assert.match(term.err(), /"CertKey": "<from file server-ecc\.key>"/);
    const command = equivalentLine(term);
    assert.equal(
      command,
      `clb-listener create --lb lb-emu00001 --port 443 --protocol HTTPS --multi-cert-info '{"SSLMode":"UNIDIRECTIONAL","CertList":[` +
        `{"CertName":"www-example-com","CertContent":"file://server.crt","CertKey":"file://server.key"},` +
        `{"CertName":"www-example-com-ecc","CertContent":"file://server-ecc.crt","CertKey":"file://server-ecc.key"}]}'`,
    );
    assertNoKeyMaterial(term);

    // The printed command really does the same (a file:// CertKey is accepted from argv): a real
    // shell splits it into words, which are then run.
    const home = makeTempHome();
    try {
      const words = await shellWords(command.replace(/^clb-listener /, ''));
      const run = await runCli([...words, '--dry-run'], { cwd: FIXTURES, env: home.env({ TENCENTCLOUD_REGION: 'ap-guangzhou' }) });
      assert.equal(run.code, 0, run.stderr);
      const body = JSON.parse(run.stdout).Body;
      assert.deepEqual(
        body.MultiCertInfo.CertList.map((c: Record<string, string>) => [c.CertName, c.CertContent]),
        [
          ['www-example-com', SERVER_CRT],
          ['www-example-com-ecc', ECC_CRT],
        ],
      );
      assert.deepEqual({ ...body, MultiCertInfo: undefined }, { ...built.request, MultiCertInfo: undefined });
    } finally {
      home.cleanup();
    }
  });

  test('several certificates by id, mutual with a CA id; a repeated id is refused', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'HTTPS', sniSwitch: '0' });
    await term.answer('? Server certificates', down, enter);
    await term.answer('? SSL mode', down, enter);
    await term.answer('? Server certificate 1', down, enter);
    await term.answer('? Certificate id', 'RsaCert1', enter);
    await term.answer('? Add another server certificate', enter);
    await term.answer('? Server certificate 2', down, enter);
    await term.answer('? Certificate id', 'RsaCert1', enter);
    await term.answer('RsaCert1 is already in the list', clearLine, 'EccCert1', enter);
    await term.answer('? Add another server certificate', enter);
    await term.answer('? Client CA certificate', down, enter);
    await term.answer('? CA certificate id', 'CaCert01', enter);
    await term.answer('? Client certificates', enter); // ON
    await term.answer('? Create it?', enter);
    const built = await result;
    assert.equal(term.out().includes('? SNI'), false, '--sni-switch 0 was given');
    assert.deepEqual(built.request.MultiCertInfo, {
      SSLMode: 'MUTUAL',
      CertList: [{ CertId: 'RsaCert1' }, { CertId: 'EccCert1' }, { CertId: 'CaCert01' }],
      SSLVerifyClient: 'ON',
    });
    assert.equal(built.request.SniSwitch, 0);
    assert.equal(built.request.Certificate, undefined);
  });

  test('SNI on, domains later: no certificate is asked for', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'HTTPS' });
    await term.answer('? SNI', down, enter);
    await term.answer('? Add the domains now', 'n', enter);
    await term.answer('? Create it?', enter);
    const built = await result;
    assert.deepEqual(built.request, { LoadBalancerId: 'lb-emu00001', Ports: [443], Protocol: 'HTTPS', SniSwitch: 1 });
    assert.match(term.err(), /SNI on: the listener gets no certificate; set one per domain/);
    assert.equal(/\? (Server certificate|SSL mode)/.test(term.out()), false, 'no certificate question');
    assert.equal(equivalentLine(term), 'clb-listener create --lb lb-emu00001 --port 443 --protocol HTTPS --sni-switch 1');
  });

  test('SNI on: two domains, URL paths, a certificate for each (an id, an upload), the default domain; the rules by reference', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'HTTPS' });
    await term.answer('? SNI', down, enter);
    await term.answer('? Add the domains now', enter);
    await term.answer('? Domain', 'a*b.example.com', enter);
    await term.answer("is not a domain: letters, digits, '-' and '.', with '*' only at the start or the end", clearLine);
    await term.answer(/\? Domain \(e\.g\./, 'www.example.com', enter);
    await term.answer('? URL paths of www.example.com', '/,/static', enter);
    await term.answer('? Server certificate', down, enter);
    await term.answer('? Certificate id', 'WwwCert1', enter);
    await term.answer('? Another domain', 'api.example.com', enter);
    await term.answer('? URL paths of api.example.com', enter);
    await term.answer('? Server certificate', enter);
    await term.answer('? Certificate PEM file', 'server.crt', enter);
    await term.answer('? Private key PEM file', 'server.key', enter);
    await term.answer('? Certificate name', enter);
    await term.answer('? Another domain', enter);
    await term.answer('? Default domain', down, enter);
    await term.answer('? Create it?', enter);
    const built = (await result) as BuiltRequest & { rules?: string[] };
    assert.deepEqual(built.request, { LoadBalancerId: 'lb-emu00001', Ports: [443], Protocol: 'HTTPS', SniSwitch: 1 });
    const rules = built.rules!.map((r) => JSON.parse(r) as Record<string, unknown>);
    assert.deepEqual(
      rules.map((r) => [r.Domain, r.Url, r.DefaultServer ?? false]),
      [
        ['www.example.com', '/', false],
        ['www.example.com', '/static', false],
        ['api.example.com', '/', true],
      ],
    );
    assert.deepEqual(rules[0]!.Certificate, { SSLMode: 'UNIDIRECTIONAL', CertId: 'WwwCert1' });
    assert.deepEqual(rules[2]!.Certificate, {
      SSLMode: 'UNIDIRECTIONAL',
      CertName: 'www-example-com',
      CertContent: 'file://server.crt',
      CertKey: 'file://server.key',
    });
    const line = equivalentLine(term);
    assert.ok(line.startsWith('clb-listener create --lb lb-emu00001 --port 443 --protocol HTTPS --sni-switch 1 --rule '), line);
    const words = await shellWords(line);
    assert.deepEqual(
      words.filter((_, i) => words[i - 1] === '--rule'),
      built.rules,
      'the equivalent command passes the same --rule values',
    );
    assertNoKeyMaterial(term);
  });

  test('the equivalent command is made from the draft: each flag as typed, both spellings of a list, a --no- toggle', async () => {
    const { term, result } = start({
      lb: 'lb-emu00001',
      ports: ['8080'],
      port: ['8081,8082'],
      protocol: 'TCP',
      healthCheck: 'TimeOut=2',
      deregisterTargetRst: false,
    });
    await term.answer('? Create it?', enter);
    const built = await result;
    assert.deepEqual(built.request.Ports, [8080, 8081, 8082]);
    assert.equal(built.request.DeregisterTargetRst, false);
    assert.equal(
      equivalentLine(term),
      'clb-listener create --lb lb-emu00001 --ports 8080 --port 8081,8082 --protocol TCP --health-check TimeOut=2 --no-deregister-target-rst',
    );
  });

  test('asks only what the flags left out, with their values as defaults', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443', '8443'], protocol: 'HTTPS', certName: 'my-cert', name: ['a', 'b'] });
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate', enter);
    await term.answer('? Certificate PEM file', 'server.crt', enter);
    await term.answer('? Private key PEM file', 'server.key', enter);
    await term.answer('? Certificate name (my-cert)', enter);
    await term.answer('? Create it?', enter);
    const built = await result;
    for (const unasked of ['Load balancer id', 'Protocol', 'Port(s)', '? SNI', 'Server certificates']) {
      assert.equal(term.out().includes(unasked), false, `${unasked} was asked`);
    }
    assert.deepEqual(built.request.Ports, [443, 8443]);
    assert.deepEqual(built.request.ListenerNames, ['a', 'b']);
    assert.equal(built.request.Certificate?.CertName, 'my-cert');
    assert.match(
      equivalentLine(term),
      /^clb-listener create --lb lb-emu00001 --port 443,8443 --protocol HTTPS --name a,b --cert-file server\.crt/,
    );
  });

  test('a private key given as the certificate is re-asked; an expiring certificate is shown with a warning', async () => {
    const validTo = new Date(new X509Certificate(SERVER_CRT).validTo).getTime();
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'TCP_SSL' }, { now: validTo - 10 * 24 * 3600 * 1000 });
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate', enter);
    await term.answer('? Certificate PEM file', 'server.key', enter);
    await term.answer('server.key holds a PEM private key, which belongs in the private key file', clearLine, 'server.crt', enter);
    await term.answer('? Private key PEM file', 'server.key', enter);
    await term.answer('? Certificate name', enter);
    await term.answer('? Create it?', enter);
    const built = await result;
    assert.match(term.err(), /warning: server\.crt holds a certificate that expires on 2046-11-23, within 30 days/);
    assert.match(built.warnings.join('\n'), /within 30 days/);
    assertNoKeyMaterial(term);
  });

  test('an expired certificate is accepted with a warning, as from a flag or a file', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'TCP_SSL' });
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate', enter);
    await term.answer('? Certificate PEM file', 'expired.crt', enter);
    await term.answer('? Private key PEM file', 'server.key', enter);
    await term.answer('server.key does not match the certificate in expired.crt', clearLine, 'expired.key', enter);
    await term.answer('? Certificate name', enter);
    await term.answer('? Create it?', enter);
    const built = await result;
    assert.match(term.err(), /warning: expired\.crt holds a certificate that expired on 2021-01-01/);
    assert.match(built.warnings.join('\n'), /--cert-file holds a certificate that expired on 2021-01-01/);
  });
});

describe('interactive create: Tab completes file paths', () => {
  test('one match is completed; several extend to what they share and are listed; a directory gets its /', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'TCP_SSL' });
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate', enter);
    // "ser": server-ecc.crt, server-ecc.key, server.crt, server.key share "server"; all four listed.
    await term.answer('? Certificate PEM file', 'ser', '\t');
    await term.waitFor(/\? Certificate PEM file server\n *server-ecc\.crt\n *server-ecc\.key\n *server\.crt\n *server\.key/);
    term.type('.c', '\t');
    await term.waitFor('? Certificate PEM file server.crt');
    term.type(enter);
    await term.answer('? Private key PEM file', 'seed', '\t');
    await term.waitFor('? Private key PEM file seed-examples/');
    term.type(clearLine, 'server.k', '\t');
    await term.waitFor('? Private key PEM file server.key');
    term.type(enter);
    await term.answer('? Certificate name', enter);
    await term.answer('? Create it?', enter);
    const built = await result;
    assert.equal((built.request.Certificate as { CertContent: string }).CertContent, readFileSync(join(FIXTURES, 'server.crt'), 'utf8'));
  });

  test('pathMatches and completePath: as typed, directories with /, dot files only when asked for', () => {
    assert.deepEqual(pathMatches('ca.', FIXTURES), ['ca.crt', 'ca.key']);
    assert.equal(completePath('ca.', pathMatches('ca.', FIXTURES)), 'ca.');
    assert.equal(completePath('ca.c', pathMatches('ca.c', FIXTURES)), 'ca.crt');
    assert.deepEqual(pathMatches('corp', FIXTURES), ['corp' + 'us/']);
    assert.deepEqual(pathMatches('~/ca.k', '/', FIXTURES), ['~/ca.key']);
    assert.deepEqual(pathMatches('nosuch/x', FIXTURES), []);
    assert.equal(completePath('zz', []), 'zz');
  });
});

describe('interactive create: validation as typed', () => {
  test('ports are checked by the request rules: 1–65535, integers, no repeats', async () => {
    await loadValidator();
    const problem = (text: string) => checkAnswer({}, ['Ports'], text, { now: 0 }).problem;
    assert.equal(problem('80, 443'), undefined);
    assert.equal(problem('0'), 'must be 1–65535, got 0');
    assert.equal(problem('65536'), 'must be 1–65535, got 65536');
    assert.equal(problem('https'), '"https": must be an integer');
    assert.equal(problem('80,80'), 'gives 80 twice; each port creates one listener');
    assert.match(problem('  ')!, /required/);
  });

  test('an invalid value given by flag is refused before any question', async () => {
    const { term, result } = start({ lb: 'NOPE', protocol: 'HTTPS' });
    await assert.rejects(
      result,
      (error: unknown) => error instanceof UsageError && /^--lb "NOPE" must look like lb-xxxxxxxx$/.test(error.message),
    );
    assert.equal(term.out(), '');
  });
});

describe('interactive create: cancelling sends nothing', () => {
  const isCancel = (error: unknown) => {
    assert.ok(error instanceof PromptCancelledError, String(error));
    assert.equal(error.message, 'cancelled, nothing sent');
    assert.equal(exitCodeFor(error), 130);
    return true;
  };

  test('"No" at the confirmation is an answer, not an interruption: exit 0, nothing sent, and it says so', async () => {
    const { term, result } = start({ lb: 'lb-emu00001', port: ['80'], protocol: 'HTTP' });
    await term.answer('? Create it?', 'n', enter);
    await assert.rejects(result, (error: unknown) => error instanceof ExitStatus && error.code === 0);
    assert.match(term.err(), /Equivalent command/);
    assert.match(term.err(), /Not created: nothing was sent\. The equivalent command above runs it later\.\n$/);
  });

  for (const [name, key] of [
    ['Ctrl-C', KEY.ctrlC],
    ['Esc', KEY.esc],
  ] as const) {
    test(`${name} at a prompt`, async () => {
      const { term, result } = start({ lb: 'lb-emu00001' });
      await term.answer('? Protocol', down, down, down);
      term.type(key);
      await assert.rejects(result, isCancel);
      assert.equal(term.stdin.isRaw, false, 'raw mode is switched off again');
      assert.ok(term.stdout.text.includes('\u001b[?25h'), 'the cursor is shown again');
      assert.equal(term.err().includes('Request:'), false);
    });
  }

  test('the context signal (a SIGINT between keystrokes) aborts the prompt', async () => {
    const abort = new AbortController();
    const { term, result } = start({}, { ctx: { signal: abort.signal } });
    await term.waitFor('? Load balancer id');
    abort.abort();
    await assert.rejects(result, isCancel);
  });
});

describe('interactive create: off a terminal', () => {
  test('refuses without a TTY, naming the flags to pass instead', async () => {
    const { term, result } = start({}, { tty: false });
    await assert.rejects(result, (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(exitCodeFor(error), 2);
      assert.match(error.message, /--interactive needs a terminal \(stdin is not a terminal, stdout is not a terminal\)/);
      assert.match(error.message, /--lb, --port, --protocol, --cert-id or --cert-file\/--key-file \(HTTPS and TCP_SSL\)/);
      return true;
    });
    assert.equal(term.stdout.text, '');
  });

  test('refuses with CI=true even on a terminal', async () => {
    const { result } = start({ lb: 'lb-emu00001', port: ['443'], protocol: 'HTTPS', sslMode: 'mutual' }, { env: { CI: 'true' } });
    await assert.rejects(
      result,
      /needs a terminal \(CI=true\); pass the flags instead: --cert-id or --cert-file\/--key-file, --ca-cert-id or --ca-file/,
    );
  });

  test('missingFlags knows what a non-TLS or complete request needs', () => {
    assert.deepEqual(missingFlags({ protocol: 'TCP' }), ['--lb', '--port']);
    assert.deepEqual(missingFlags({ lb: 'lb-emu00001', port: ['443'], protocol: 'HTTPS', certId: 'x' }), []);
    assert.deepEqual(missingFlags({ protocol: 'HTTPS', sniSwitch: '1' }, { LoadBalancerId: 'lb-emu00001', Ports: [443] }), []);
  });
});

describe('interactive create: the whole run, in-process', () => {
  test('prompts, then sends; the ListenerId is the last line on stdout', async () => {
    const { inProcessEmulator } = await import('./helpers/emulator.js');
    const emulator = await inProcessEmulator({ taskDelayMs: 20 });
    const home = makeTempHome();
    try {
      const term = fakeTerminal();
      const env = home.env({
        TENCENTCLOUD_SECRET_ID: emulator.secretId,
        TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
        TENCENTCLOUD_REGION: emulator.region,
      });
      const ctx = terminalContext(term, { cwd: FIXTURES, env });
      const code = main(
        ['create', '-i', '--lb', emulator.loadBalancers[0]!, '--protocol', 'HTTPS', '--port', '443', '--endpoint', emulator.endpoint],
        ctx,
      );
      await term.answer('? SNI', enter);
      await term.answer('? Server certificates', enter);
      await term.answer('? SSL mode', enter);
      // The account has certificates: picking one comes first; this run uploads.
      await term.answer('❯ An existing certificate in the account', down, enter);
      await term.answer('? Certificate PEM file', 'server.crt', enter);
      await term.answer('? Private key PEM file', 'server.key', enter);
      await term.answer('? Certificate name', enter);
      await term.answer('? Create it?', enter);
      assert.equal(await code, 0, term.screen());
      const lines = term.out().trimEnd().split('\n');
      assert.match(lines.at(-1)!, /^lbl-[a-z0-9]{8}$/);
      const state = await emulator.state();
      assert.equal(state.listeners.length, 1);
      const sent = state.listeners[0]!.request.Certificate as Record<string, string>;
      assert.equal(sent.CertName, 'www-example-com');
      assert.equal(sent.CertContent, SERVER_CRT);
      assertNoKeyMaterial(term);
    } finally {
      home.cleanup();
      await emulator.stop();
    }
  });
});

describe('interactive create: the terminal hangs up', () => {
  test('input ends while a question is open and the terminal refuses its mode (EIO): exit 129, one line', async () => {
    const term = fakeTerminal();
    const hangUp = hangUpLater(term);
    const ctx = terminalContext(term, { cwd: FIXTURES, env: { TENCENTCLOUD_REGION: 'ap-guangzhou' } });
    const code = main(['create', '-i', '--endpoint', 'http://127.0.0.1:9'], ctx);
    await term.waitFor('? Load balancer id');
    hangUp();
    assert.equal(await code, 129, term.screen());
    assert.match(term.err(), /^error: the terminal hung up; cancelled, nothing sent$/m);
    assert.doesNotMatch(term.err(), /^\s+at /m, 'no stack trace');
  });

  test('SIGHUP while a question is open: exit 129', async () => {
    const term = fakeTerminal();
    const controller = new AbortController();
    const ctx = terminalContext(term, { cwd: FIXTURES, env: { TENCENTCLOUD_REGION: 'ap-guangzhou' }, signal: controller.signal });
    const code = main(['create', '-i', '--endpoint', 'http://127.0.0.1:9'], ctx);
    await term.waitFor('? Load balancer id');
    controller.abort('SIGHUP');
    assert.equal(await code, 129, term.screen());
    assert.match(term.err(), /^error: cancelled, nothing sent$/m);
  });
});
