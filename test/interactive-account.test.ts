// `create -i` picking from the account, in-process through main() on a fake terminal against the
// emulator: load balancers from a searchable, paged list (with listener counts), the port checked
// against DescribeListeners while it is typed, certificates from DescribeCertificates (expired
// ones marked), and the fall-backs: no credentials, a listing that fails, a given port in use.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { fakeTerminal, KEY, terminalContext, type FakeTerminal } from './helpers/fake-tty.js';
import { api, inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, NO_METADATA_URL, type TempHome } from './helpers/home.js';
import { eventually } from './helpers/eventually.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const { enter, down, clearLine } = KEY;
/** 25 load balancers: more than two pages of 10. */
const LBS = Array.from({ length: 25 }, (_, i) => `lb-pick${String(i + 1).padStart(4, '0')}`);

let emu: InProcessEmulator;
let home: TempHome;

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers: LBS });
  home = makeTempHome();
});
after(async () => {
  await emu.stop();
  home.cleanup();
});
afterEach(async () => {
  await emu.reset();
});

interface Started {
  term: FakeTerminal;
  done: Promise<number>;
}

/** The environment of a run against the emulator: its region and its keys, unless left out. */
function runEnv(options: { region?: boolean; credentials?: boolean } = {}): Record<string, string> {
  return {
    HOME: home.dir,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
    ...(options.region !== false && { TENCENTCLOUD_REGION: emu.region }),
    ...(options.credentials !== false && { TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey }),
  };
}

function start(args: string[], options: { credentials?: boolean } = {}): Started {
  const term = fakeTerminal();
  const ctx = terminalContext(term, { env: runEnv(options), cwd: FIXTURES });
  const done = main(['create', '-i', '--endpoint', emu.endpoint, ...args], ctx);
  done.catch(() => {});
  return { term, done };
}

async function finish({ term, done }: Started): Promise<{ code: number; request: Record<string, unknown> | undefined }> {
  const code = await done;
  const state = await emu.state();
  return { code, request: state.listeners.at(-1)?.request as Record<string, unknown> | undefined, ...(code !== 0 && { err: term.err() }) };
}

/** Creates a listener directly through the API (hand-signed), as if it existed before. */
async function existing(lb: string, port: number, protocol: string, name?: string): Promise<string> {
  const res = await api(emu, 'CreateListener', {
    LoadBalancerId: lb,
    Ports: [port],
    Protocol: protocol,
    ...(name && { ListenerNames: [name] }),
  });
  assert.equal(res.Error, undefined, JSON.stringify(res.Error));
  return (res.ListenerIds as string[])[0]!;
}

describe('create -i picks from the account', () => {
  test('a load balancer from the list, a port re-asked naming its holder, a server certificate from the list', async () => {
    const holder = await existing(LBS[1]!, 443, 'TCP', 'legacy');
    const run = start([]);
    const { term } = run;
    // The first page: id, name, VIP, type and listener count, aligned.
    await term.waitFor(`? Load balancer (${emu.region}; type to filter, or an id)`);
    await term.waitFor(/lb-pick0010 {2}emulator-lb-10/);
    const page = term.out();
    assert.match(page, /lb-pick0001 {2}emulator-lb-1 {3}203\.0\.113\.2 {3}OPEN {2}0 listeners/);
    assert.match(page, /lb-pick0002 {2}emulator-lb-2 {3}203\.0\.113\.3 {3}OPEN {2}1 listener\n/);
    term.type(down, enter); // lb-pick0002
    await term.answer('? Protocol', down, down, down, enter); // HTTPS
    await term.answer('? Port(s)', enter); // 443, which the TCP listener holds
    await term.answer(`443 is used by ${holder} (TCP "legacy"): pick another port`, clearLine, '8443', enter);
    await term.answer('? SNI', enter);
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', enter);
    // An existing certificate is offered first when the account has usable ones.
    await term.answer('An existing certificate in the account (3, 1 expired)', enter);
    await term.waitFor('? Certificate (type to filter)');
    await term.waitFor('Type an id instead');
    const list = term.out();
    assert.match(list, /EmuRsa01 {2}www\.example\.com {2}RSA {2}expires \d{4}-\d{2}-\d{2}/);
    // Expired, said once.
    assert.match(list, /EmuOld01 {2}old\.example\.com {2}RSA {2}expired \d{4}-\d{2}-\d{2}\n/);
    term.type('ecc');
    await term.answer(/❯ EmuEcc01/, enter);
    await term.answer('? Create it?', enter);
    const { code, request } = await finish(run);

    assert.equal(code, 0, term.err());
    assert.deepEqual(request, {
      LoadBalancerId: LBS[1],
      Ports: [8443],
      Protocol: 'HTTPS',
      Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'EmuEcc01' },
    });
    assert.match(term.err(), new RegExp(`clb-listener create --lb ${LBS[1]} --port 8443 --protocol HTTPS --cert-id EmuEcc01`));
  });

  test('paging and search: the next page on demand, the API searched for what is not loaded, a typed id that is not listed', async () => {
    const run = start(['--protocol', 'TCP', '--port', '9000', '--dry-run']);
    const { term } = run;
    await term.answer(/❯ lb-pick0001/, 'lb-pick0023'); // not on the first page: found by asking the API
    await term.answer(/❯ lb-pick0023 {2}emulator-lb-23/, clearLine, 'lb-zzzz9999');
    await term.answer('lb-zzzz9999  (not listed: use this id)', clearLine);
    await term.waitFor(/❯ lb-pick0001/);
    // The last item, after the first page of 10, lists the next page, and again.
    for (let i = 0; i < 10; i++) term.type(down);
    await term.answer('❯ … 15 more: type to search them, or pick this to list 10 more', enter);
    await term.answer(/❯ lb-pick0011 {2}emulator-lb-11/, ...Array(10).fill(down));
    await term.answer('❯ … 5 more: type to search them, or pick this to list 5 more', enter);
    // The cursor starts on the first new one.
    await term.answer(/❯ lb-pick0021 {2}emulator-lb-21/, down, down, down, down);
    await term.answer(/❯ lb-pick0025 {2}emulator-lb-25/, enter);
    await term.answer('Show the request', enter);
    const code = await run.done;
    assert.equal(code, 0, term.err());
    assert.match(term.out(), /"LoadBalancerId": "lb-pick0025"/);
    const counts = (await emu.state()).counts;
    assert.ok((counts.DescribeLoadBalancers ?? 0) >= 3, 'first page, a search, the second page');
    assert.equal(counts.CreateListener ?? 0, 0, 'a dry run sends nothing');
  });

  test('a CA certificate from the account for mutual TLS; an expired server certificate is a warning', async () => {
    const run = start(['--lb', LBS[0]!, '--protocol', 'TCP_SSL', '--port', '7443']);
    const { term } = run;
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', down, enter); // mutual
    await term.answer('? Server certificate', enter); // from the account
    await term.answer('Type an id instead', 'old');
    await term.answer(/❯ EmuOld01/, enter);
    await term.answer('? Client CA certificate', enter); // from the account
    await term.waitFor('EmuCa001');
    term.type(enter);
    await term.answer('? Client certificates', enter);
    await term.answer('? Create it?', enter);
    const { code, request } = await finish(run);
    assert.equal(code, 0, term.err());
    assert.deepEqual(request?.Certificate, { SSLMode: 'MUTUAL', SSLVerifyClient: 'ON', CertId: 'EmuOld01', CertCaId: 'EmuCa001' });
    assert.match(term.err(), /warning:.*certificate EmuOld01 \(old\.example\.com\) expired on \d{4}-\d{2}-\d{2}/);
  });

  test('several certificates: one picked is not offered again, nor another of its algorithm', async () => {
    const run = start(['--lb', LBS[0]!, '--protocol', 'HTTPS', '--port', '8445', '--dry-run']);
    const { term } = run;
    await term.answer('? SNI', enter);
    await term.answer('? Server certificates', down, enter); // several
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate 1', enter); // from the account
    await term.answer(/❯ EmuRsa01/, enter);
    await term.answer('? Add another server certificate', enter);
    await term.answer('? Server certificate 2', enter);
    await term.waitFor('Type an id instead');
    const list = term.out().slice(term.out().lastIndexOf('? Certificate 2'));
    assert.match(list, /EmuRsa01 .* already in the list/);
    assert.match(list, /EmuOld01 .* RSA is already in the list/);
    assert.match(list, /❯ EmuEcc01/, 'the first one that can be picked');
    term.type(enter);
    await term.answer('? Add another server certificate', 'n', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.match(term.out(), /"CertList": \[\s*\{\s*"CertId": "EmuRsa01"\s*\},\s*\{\s*"CertId": "EmuEcc01"\s*\}\s*\]/);
  });

  test('a given port already in use: a warning naming the listener, and the port asked again', async () => {
    const holder = await existing(LBS[0]!, 80, 'HTTP');
    const run = start(['--lb', LBS[0]!, '--protocol', 'TCP', '--port', '80', '--dry-run']);
    const { term } = run;
    await term.answer('? Port(s)', '81', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.match(term.err(), new RegExp(`warning:.*--port 80 is used by ${holder} \\(HTTP\\): choose another`));
    assert.match(term.out(), /"Ports": \[\s*81\s*\]/);
  });
});

describe('create -i: searching, typed ids, certificate wording', () => {
  test('any part of an id, a name or a VIP finds a load balancer not loaded yet', async () => {
    const run = start(['--protocol', 'TCP', '--port', '9002', '--dry-run']);
    const { term } = run;
    await term.answer(/❯ lb-pick0001/, '0023'); // part of an id, not on the first page
    await term.answer(/❯ lb-pick0023 {2}emulator-lb-23 {2}203\.0\.113\.24 {2}OPEN {2}0 listeners/, clearLine, '113.25');
    await term.answer(/❯ lb-pick0024 {2}emulator-lb-24/, clearLine, 'LB-2'); // a name, any case
    await term.waitFor(/❯ lb-pick0002 {2}emulator-lb-2 /);
    const shown = term.out();
    assert.match(shown, /lb-pick0025 {2}emulator-lb-25/);
    assert.doesNotMatch(shown.slice(shown.lastIndexOf('❯ lb-pick0002')), /not listed/, 'a part of a listed name is never offered as an id');
    term.type(enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.match(term.out(), /"LoadBalancerId": "lb-pick0002"/);
  });

  test('a typed id of an unusual shape is offered only when nothing listed matches, saying so', async () => {
    const run = start(['--protocol', 'TCP', '--port', '9003', '--dry-run']);
    const { term } = run;
    await term.answer(/❯ lb-pick0001/, 'lb-pick00'); // the start of listed ids: not offered as an id
    await term.waitFor(/❯ lb-pick0001/);
    term.type(clearLine, 'lb-99'); // matches no id, name ("emulator-lb-23" holds lb-23) or VIP
    await term.answer('lb-99  (not listed, and not the usual lb-xxxxxxxx: use it anyway)', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.doesNotMatch(term.out(), /lb-pick00 {2}\(not listed/);
    assert.match(term.out(), /"LoadBalancerId": "lb-99"/);
    assert.match(term.err(), /warning:.*"lb-99" is not the usual lb-xxxxxxxx/);
  });

  test('several certificates: the first is "Certificate 1", the next one names the algorithm', async () => {
    const run = start(['--lb', LBS[0]!, '--protocol', 'HTTPS', '--port', '8447', '--dry-run']);
    const { term } = run;
    await term.answer('? SNI', enter);
    await term.answer('? Server certificates', down, enter); // several
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate 1', enter);
    await term.answer('? Certificate 1 (type to filter)', enter);
    await term.answer('? Add another server certificate', enter);
    await term.answer('? Server certificate 2', enter);
    await term.waitFor('? Certificate 2 (an algorithm not used above) (type to filter)');
    await term.answer(/❯ EmuEcc01/, enter); // the one of another algorithm
    await term.answer('? Add another server certificate', 'n', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.doesNotMatch(term.out(), /Certificate 1, of another algorithm/);
  });

  test('a slow certificate listing shows "listing …" while it runs; one-way TLS says nothing of CA certificates', async () => {
    // The listing answers after 3 s of the emulator's clock, which stands still until the test
    // moves it (the listing starts as soon as the protocol is known).
    await emu.faults([{ action: 'DescribeCertificates', kind: 'latency', latencyMs: 3000, times: 1 }]);
    emu.clock!.auto = false;
    const run = start(['--lb', LBS[0]!, '--protocol', 'HTTPS', '--port', '8448', '--dry-run']);
    const { term } = run;
    try {
      await term.answer('? SNI', enter);
      await term.answer('? Server certificates', enter);
      await term.answer('? SSL mode', enter); // one-way
      await eventually(() => term.err().includes("listing the account's server certificates…"), 'the listing line');
      assert.doesNotMatch(term.out(), /\? Server certificate\b/, 'the question waits for the listing');
      emu.clock!.advance(3000);
    } finally {
      emu.clock!.auto = true;
    }
    await term.answer('? Server certificate', enter);
    await term.answer(/❯ EmuRsa01/, enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.doesNotMatch(term.err(), /CA certificates/);
  });

  test('a certificate listing that fails: one-way TLS warns about the server certificates only', async () => {
    await emu.faults([{ action: 'DescribeCertificates', kind: 'http5xx', times: -1 }]);
    const run = start(['--lb', LBS[0]!, '--protocol', 'HTTPS', '--port', '8449', '--dry-run']);
    const { term } = run;
    await term.answer('? SNI', enter);
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', enter); // one-way
    await term.answer('? Server certificate', down, enter); // [upload], type an id
    await term.answer('? Certificate id', 'MsJyaXVm', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.match(term.err(), /could not list the account's server certificates/);
    assert.doesNotMatch(term.err(), /could not list the account's CA certificates/);
  });
});

describe('create -i never hangs on a listing', () => {
  test('Ctrl-C while the load balancers are being listed: cancelled, nothing sent', async () => {
    await emu.faults([{ action: 'DescribeLoadBalancers', kind: 'hang', times: -1 }]);
    const abort = new AbortController();
    const term = fakeTerminal();
    const env = runEnv();
    const done = main(['create', '-i', '--endpoint', emu.endpoint], terminalContext(term, { env, cwd: FIXTURES, signal: abort.signal }));
    // The listing is under way (the emulator holds it); the person presses Ctrl-C.
    await eventually(async () => (await emu.requestCount('DescribeLoadBalancers')) > 0, 'the listing to reach the emulator');
    abort.abort('SIGINT');
    assert.equal(await done, 130, term.err());
    assert.match(term.err(), /cancelled, nothing sent/);
    assert.equal(await emu.requestCount('CreateListener'), 0);
  });
});

describe('create -i falls back to typing', () => {
  test('without credentials: a one-line note, ids typed, nothing sent', async () => {
    const run = start(['--protocol', 'TCP', '--port', '9100', '--dry-run'], { credentials: false });
    const { term } = run;
    await term.answer('? Load balancer id', 'lb-pick0003', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    assert.match(
      term.err(),
      /^ {2}not listing from the account \(no credentials found\): type the ids; without credentials the request can only be printed, not sent$/m,
    );
    assert.equal(await emu.requestCount(), 0);
  });

  test('without credentials and without --dry-run: said before the first question; the end offers the request printed, exit 0', async () => {
    const run = start(['--protocol', 'TCP', '--port', '9101'], { credentials: false });
    const { term } = run;
    await term.waitFor('? Load balancer id');
    assert.match(term.err(), /without credentials the request can only be printed, not sent/, 'before the first answer');
    term.type('lb-pick0003', enter);
    await term.answer('? Nothing can be sent without credentials. Print the request (as --dry-run would)?', enter);
    assert.equal(await run.done, 0, term.err());
    assert.doesNotMatch(term.out(), /Create it\?/);
    assert.match(term.out(), /"LoadBalancerId": "lb-pick0003"/);
    assert.match(term.err(), /clb-listener create --lb lb-pick0003 --port 9101 --protocol TCP/);
    assert.match(term.err(), /^to create it: set up credentials .*then run the equivalent command above$/m);
    assert.doesNotMatch(term.err(), /no credentials found \(looked in/, 'not a failure after all the answers');
    assert.equal(await emu.requestCount(), 0);
  });

  test('no region: the error before any question (not even the request could be printed)', async () => {
    const term = fakeTerminal();
    const env = runEnv({ region: false });
    const code = await main(['create', '-i', '--endpoint', emu.endpoint], terminalContext(term, { env, cwd: FIXTURES }));
    assert.equal(code, 2, term.err());
    assert.equal(term.out(), '', 'no question was asked');
    assert.match(term.err(), /^error: .*region/m);
    assert.equal(await emu.requestCount(), 0);
  });

  test('a listing that fails: a note, the question typed, earlier answers kept', async () => {
    await emu.faults([
      { action: 'DescribeLoadBalancers', kind: 'http5xx', times: -1 },
      { action: 'DescribeCertificates', kind: 'http5xx', times: -1 },
    ]);
    const run = start(['--protocol', 'HTTPS', '--dry-run']);
    const { term } = run;
    await term.answer('? Load balancer id', 'lb-pick0004', enter);
    await term.answer('? Port(s)', '8444', enter);
    await term.answer('? SNI', enter);
    await term.answer('? Server certificates', enter);
    await term.answer('? SSL mode', enter);
    await term.answer('? Server certificate', down, enter); // upload, [type an id]
    await term.answer('? Certificate id', 'MsJyaXVm', enter);
    await term.answer('Show the request', enter);
    assert.equal(await run.done, 0, term.err());
    const err = term.err();
    assert.match(err, /could not list the load balancers \(DescribeLoadBalancers: the endpoint answered HTTP 503.*\); type the id/);
    assert.match(err, /could not list the account's server certificates \(.*503.*\); upload one or type its id/);
    assert.doesNotMatch(term.out(), /An existing certificate in the account/);
    assert.match(term.out(), /"LoadBalancerId": "lb-pick0004"/);
    assert.match(term.out(), /"Ports": \[\s*8444\s*\]/);
    assert.match(term.out(), /"CertId": "MsJyaXVm"/);
  });
});
