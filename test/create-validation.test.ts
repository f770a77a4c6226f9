// Every validation rule of `create`, as a person would trip over it: exit 2, one clear line on
// stderr naming the flag, and not a single request reaching the emulator.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { emulatorEnv, runAgainst, runCli } from './helpers/cli.js';

const LB = ['--lb', 'lb-cuxw2rm0'];
const tcp = (...rest: string[]) => [...LB, '--port', '80', '--protocol', 'TCP', ...rest];
const udp = (...rest: string[]) => [...LB, '--port', '80', '--protocol', 'UDP', ...rest];
const http = (...rest: string[]) => [...LB, '--port', '80', '--protocol', 'HTTP', ...rest];
const https = (...rest: string[]) => [...LB, '--port', '443', '--protocol', 'HTTPS', ...rest];
const tcpSsl = (...rest: string[]) => [...LB, '--port', '443', '--protocol', 'TCP_SSL', ...rest];
const quic = (...rest: string[]) => [...LB, '--port', '443', '--protocol', 'QUIC', ...rest];
const CERT = ['--cert-id', 'MsJyaXVm'];
const F = 'test/fixtures/';

/** [what is wrong, the arguments, a pattern stderr must match (the flag at fault)] */
const CASES: [string, string[], RegExp][] = [
  // required fields and their formats
  ['no load balancer', ['--port', '80', '--protocol', 'TCP'], /--load-balancer-id \(or --lb\) is required/],
  ['malformed load balancer id', ['--lb', 'cuxw2rm0', '--port', '80', '--protocol', 'TCP'], /--lb "cuxw2rm0" must look like lb-xxxxxxxx/],
  ['no port', [...LB, '--protocol', 'TCP'], /--ports .*required/],
  ['no protocol', [...LB, '--port', '80'], /--protocol .*required/],
  [
    'unknown protocol',
    [...LB, '--port', '80', '--protocol', 'SCTP'],
    /--protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "SCTP"/,
  ],
  // ports
  ['port 0', [...LB, '--port', '0', '--protocol', 'TCP'], /--port must be 1–65535, got 0/],
  ['port 65536', [...LB, '--port', '65536', '--protocol', 'TCP'], /--port must be 1–65535, got 65536/],
  ['port not a number', [...LB, '--port', 'http', '--protocol', 'TCP'], /--port "http": must be an integer/],
  ['duplicate ports', [...LB, '--port', '80,80', '--protocol', 'TCP'], /--port gives 80 twice/],
  // Both spellings of the ports flag: each port is named by the flag that gave it.
  ['port 0 beside --ports', [...LB, '--port', '0', '--ports', '80', '--protocol', 'TCP'], /^error: --port must be 1–65535, got 0$/m],
  [
    'port 0 in --ports beside --port',
    [...LB, '--port', '80', '--ports', '0', '--protocol', 'TCP'],
    /^error: --ports must be 1–65535, got 0$/m,
  ],
  ['not a number beside --ports', [...LB, '--ports', '80', '--port', 'x', '--protocol', 'TCP'], /^error: --port "x": must be an integer$/m],
  ['duplicate ports across repeats', [...LB, '--port', '80', '--port', '81,80', '--protocol', 'TCP'], /--port gives 80 twice/],
  // names
  ['fewer names than ports', [...LB, '--port', '80,81', '--protocol', 'TCP', '--name', 'a'], /--name gives 1 name for 2 ports/],
  ['more names than ports', tcp('--name', 'a,b'), /--name gives 2 names for 1 port/],
  ['name too long', tcp('--name', 'x'.repeat(81)), /--name must be 1–80 characters, got 81/],
  [
    '50 ports in one request',
    [...LB, '--protocol', 'TCP', '--port', Array.from({ length: 50 }, (_, i) => 2000 + i).join(',')],
    /--port gives 50 ports; one CreateListener takes at most 49/,
  ],
  ['emoji in a name', tcp('--name', 'web🙂'), /--name "web🙂": emoji/],
  // health check
  ['health check on HTTP', http('--health-check', 'on'), /--health-check applies only to TCP, UDP, TCP_SSL and QUIC listeners, not HTTP/],
  ['health check on HTTPS', https(...CERT, '--health-check', 'on'), /--health-check applies only to .* not HTTPS/],
  ['TimeOut below 2', tcp('--health-check', 'TimeOut=1'), /--health-check TimeOut must be 2–60, got 1/],
  ['TimeOut above 60', tcp('--health-check', 'TimeOut=61,IntervalTime=100'), /--health-check TimeOut must be 2–60, got 61/],
  [
    'TimeOut not below IntervalTime',
    tcp('--health-check', 'TimeOut=7,IntervalTime=7'),
    /--health-check TimeOut \(7\) must be less than IntervalTime \(7\)/,
  ],
  [
    'TimeOut against the default interval',
    tcp('--health-check', 'TimeOut=6'),
    /TimeOut \(6\) must be less than IntervalTime \(5, the default\)/,
  ],
  ['IntervalTime above 300', tcp('--health-check', 'IntervalTime=301'), /--health-check IntervalTime must be 2–300, got 301/],
  ['HealthNum 1', tcp('--health-check', 'HealthNum=1'), /--health-check HealthNum must be 2–10, got 1/],
  ['UnHealthNum 11', tcp('--health-check', 'UnHealthNum=11'), /--health-check UnHealthNum must be 2–10, got 11/],
  [
    'HttpCode 32',
    tcp('--health-check', 'CheckType=HTTP,HttpCheckDomain=a.com,HttpVersion=HTTP/1.1,HttpCode=32'),
    /--health-check HttpCode must be 1–31, got 32/,
  ],
  [
    'HttpCode 0',
    tcp('--health-check', 'CheckType=HTTP,HttpCheckDomain=a.com,HttpVersion=HTTP/1.1,HttpCode=0'),
    /--health-check HttpCode must be 1–31, got 0/,
  ],
  ['UDP with a TCP check', udp('--health-check', 'CheckType=TCP'), /--health-check CheckType TCP is not available on UDP listeners/],
  ['TCP with a PING check', tcp('--health-check', 'CheckType=PING'), /--health-check CheckType PING is not available on TCP listeners/],
  [
    'TCP_SSL with a CUSTOM check',
    tcpSsl(...CERT, '--health-check', 'CheckType=CUSTOM'),
    /--health-check CheckType CUSTOM is not available on TCP_SSL listeners/,
  ],
  ['QUIC with a PING check', quic('--health-check', 'CheckType=PING'), /--health-check CheckType PING is not available on QUIC listeners/],
  [
    'unknown CheckType',
    tcp('--health-check', 'CheckType=SMTP'),
    /--health-check CheckType must be one of TCP, HTTP, HTTPS, GRPC, PING, CUSTOM, got "SMTP"/,
  ],
  [
    'CUSTOM without ContextType',
    tcp('--health-check', 'CheckType=CUSTOM,SendContext=ping,RecvContext=pong'),
    /--health-check ContextType is required when CheckType is CUSTOM/,
  ],
  [
    'CUSTOM without SendContext',
    udp('--health-check', 'CheckType=CUSTOM,ContextType=TEXT,RecvContext=pong'),
    /--health-check SendContext is required when CheckType is CUSTOM/,
  ],
  [
    'CUSTOM without RecvContext',
    udp('--health-check', 'CheckType=CUSTOM,ContextType=TEXT,SendContext=ping'),
    /--health-check RecvContext is required when CheckType is CUSTOM/,
  ],
  [
    'HEX context of odd length',
    udp('--health-check', 'CheckType=CUSTOM,ContextType=HEX,SendContext=ABC,RecvContext=AB'),
    /--health-check SendContext must be an even number of 0-9A-F characters with ContextType HEX, got "ABC"/,
  ],
  [
    'HEX context with non-hex',
    udp('--health-check', 'CheckType=CUSTOM,ContextType=HEX,SendContext=AB,RecvContext=ZZ'),
    /--health-check RecvContext must be an even number of 0-9A-F characters with ContextType HEX, got "ZZ"/,
  ],
  [
    'context over 500',
    udp('--health-check', `CheckType=CUSTOM,ContextType=TEXT,SendContext=${'a'.repeat(501)},RecvContext=b`),
    /--health-check SendContext must be at most 500 characters, got 501/,
  ],
  [
    'HTTP check on TCP without domain',
    tcp('--health-check', 'CheckType=HTTP,HttpVersion=HTTP/1.1'),
    /--health-check HttpCheckDomain is required for an HTTP health check on a TCP listener/,
  ],
  [
    'HTTP check on TCP without version',
    tcp('--health-check', 'CheckType=HTTP,HttpCheckDomain=a.com'),
    /--health-check HttpVersion is required for an HTTP health check on a TCP listener/,
  ],
  [
    'unknown health check key',
    tcp('--health-check', 'Timeout=5'),
    /--health-check Timeout is not a field of the request; did you mean TimeOut\?/,
  ],
  ['health check shorthand without =', tcp('--health-check', 'fast'), /--health-check "fast": expected Key=Value pairs/],
  ['health check JSON that is broken', tcp('--health-check', '{"TimeOut": }'), /--health-check: not valid JSON/],
  [
    'health check file that is missing',
    tcp('--health-check', 'file://no/such.json'),
    /--health-check no\/such.json: cannot read the file \(no such file\)/,
  ],
  // certificates
  ['HTTPS without a certificate', https(), /an HTTPS listener with SNI off needs a certificate/],
  ['TCP_SSL without a certificate', tcpSsl(), /a TCP_SSL listener needs a certificate/],
  ['certificate on TCP', tcp(...CERT), /--cert-id applies only to HTTPS, TCP_SSL and QUIC listeners, not TCP/],
  [
    'Certificate and MultiCertInfo',
    https(...CERT, '--multi-cert-info', '{"SSLMode":"UNIDIRECTIONAL","CertList":[{"CertId":"a"}]}'),
    /--multi-cert-info cannot be given with --cert-id; give one/,
  ],
  ['upload without a key', https('--cert-file', `${F}server.crt`), /--cert-file needs --key-file/],
  ['key without a certificate', https('--key-file', `${F}server.key`), /--key-file needs --cert-file/],
  [
    'upload trio incomplete in JSON',
    https('--certificate', '{"CertName":"x","CertContent":"y"}'),
    /--certificate CertKey is required to upload a certificate/,
  ],
  [
    'private key on the command line',
    https('--certificate', 'CertName=x,CertContent=y,CertKey=secret'),
    /--certificate CertKey: a private key is never taken from the command line/,
  ],
  [
    'key that does not match',
    https('--cert-file', `${F}server.crt`, '--key-file', `${F}other.key`),
    /--key-file does not match the certificate in --cert-file/,
  ],
  [
    'certificate and key files swapped',
    https('--cert-file', `${F}server.key`, '--key-file', `${F}server.crt`),
    /--cert-file holds a PEM private key, which belongs in --key-file$/m,
  ],
  [
    'certificate and key swapped inside a --certificate file',
    https('--certificate', `file://${F}swapped-certificate.json`),
    /--certificate CertContent holds a PEM private key, which belongs in CertKey$/m,
  ],
  [
    'a private key as a MultiCertInfo certificate',
    https(
      '--multi-cert-info',
      `{"SSLMode":"UNIDIRECTIONAL","CertList":[{"CertName":"a","CertContent":"file://${F}server.key","CertKey":"file://${F}server.key"}]}`,
    ),
    /--multi-cert-info CertList\[0\]\.CertContent holds a PEM private key/,
  ],
  [
    'unreadable certificate file',
    https('--cert-file', `${F}nope.crt`, '--key-file', `${F}server.key`),
    /--cert-file test\/fixtures\/nope.crt: cannot read the file/,
  ],
  [
    'MUTUAL without a CA',
    https(...CERT, '--ssl-mode', 'MUTUAL'),
    /--ca-cert-id is required with --ssl-mode MUTUAL, or upload the client CA with --ca-name and --ca-file/,
  ],
  [
    'MUTUAL with a CA file but no name in JSON',
    https('--certificate', '{"SSLMode":"MUTUAL","CertId":"a","CertCaContent":"x"}'),
    /--certificate CertCaName is required to upload the client CA/,
  ],
  ['unknown SSL mode', https(...CERT, '--ssl-mode', 'TWO-WAY'), /--ssl-mode must be one of UNIDIRECTIONAL, MUTUAL, got "TWO-WAY"/],
  [
    'MultiCertInfo entry without id or content',
    https('--multi-cert-info', '{"SSLMode":"UNIDIRECTIONAL","CertList":[{"CertName":"a"}]}'),
    /--multi-cert-info CertList\[0\]\.CertContent is required to upload a certificate/,
  ],
  ['MultiCertInfo without CertList', https('--multi-cert-info', '{"SSLMode":"UNIDIRECTIONAL"}'), /--multi-cert-info CertList is required/],
  // per-protocol fields and ranges
  ['session expire time 29', tcp('--session-expire-time', '29'), /--session-expire-time must be 0 or 30–3600, got 29/],
  ['session expire time 3601', tcp('--session-expire-time', '3601'), /--session-expire-time must be 0 or 30–3600, got 3601/],
  [
    'session expire time on HTTP',
    http('--session-expire-time', '60'),
    /--session-expire-time applies only to TCP and UDP listeners, not HTTP/,
  ],
  ['unknown scheduler', tcp('--scheduler', 'IP_HASH'), /--scheduler must be one of WRR, LEAST_CONN, got "IP_HASH"/],
  ['SNI on TCP', tcp('--sni-switch', '1'), /--sni-switch applies only to HTTPS listeners, not TCP/],
  ['SNI switch 2', https('--sni-switch', '2', ...CERT), /--sni-switch "2": must be 0 \(off\) or 1 \(on\)/],
  [
    'target group on HTTP',
    http('--target-type', 'TARGETGROUP'),
    /--target-type applies only to TCP, UDP, TCP_SSL and QUIC listeners, not HTTP/,
  ],
  ['unknown target type', tcp('--target-type', 'POD'), /--target-type must be one of NODE, TARGETGROUP, TARGETGROUP-V2, got "POD"/],
  ['deregister rst on QUIC', quic('--deregister-target-rst'), /--deregister-target-rst applies only to TCP and UDP listeners, not QUIC/],
  [
    'reschedule on HTTPS',
    https(...CERT, '--reschedule-unhealthy'),
    /--reschedule-unhealthy applies only to TCP and UDP listeners, not HTTPS/,
  ],
  ['reschedule start time 3601', tcp('--reschedule-start-time', '3601'), /--reschedule-start-time must be 0–3600, got 3601/],
  ['reschedule interval -1', tcp('--reschedule-interval', '-1'), /--reschedule-interval must be 0–3600, got -1/],
  ['QUIC_CID on TCP', tcp('--session-type', 'QUIC_CID'), /--session-type QUIC_CID needs --protocol UDP, not TCP/],
  [
    'QUIC_CID with LEAST_CONN',
    udp('--session-type', 'QUIC_CID', '--scheduler', 'LEAST_CONN'),
    /--scheduler must be WRR with --session-type QUIC_CID, not "LEAST_CONN"/,
  ],
  ['keepalive on TCP', tcp('--keepalive-enable', '1'), /--keepalive-enable applies only to HTTP and HTTPS listeners, not TCP/],
  [
    'end port with two ports',
    [...LB, '--port', '80,81', '--protocol', 'TCP', '--end-port', '90'],
    /--end-port needs exactly one --port \(the start of the range\), got 2/,
  ],
  ['end port below the port', tcp('--end-port', '70'), /--end-port 70 must be greater than --port 80/],
  ['end port equal to the port', tcp('--end-port', '80'), /--end-port 80 must be greater than --port 80/],
  ['idle timeout 9', tcp('--idle-connect-timeout', '9'), /--idle-connect-timeout must be 10–3600, got 9/],
  ['idle timeout 3601', udp('--idle-connect-timeout', '3601'), /--idle-connect-timeout must be 10–3600, got 3601/],
  [
    'idle timeout on TCP_SSL',
    tcpSsl(...CERT, '--idle-connect-timeout', '60'),
    /--idle-connect-timeout applies only to TCP and UDP listeners, not TCP_SSL/,
  ],
  ['max conn 0', tcp('--max-conn', '0'), /--max-conn must be -1 or at least 1, got 0/],
  ['max cps -2', tcp('--max-cps', '-2'), /--max-cps must be -1 or at least 1, got -2/],
  ['max conn on HTTP', http('--max-conn', '100'), /--max-conn applies only to TCP, UDP, TCP_SSL and QUIC listeners, not HTTP/],
  ['max cps on HTTPS', https(...CERT, '--max-cps', '100'), /--max-cps applies only to .* not HTTPS/],
  ['proxy protocol on TCP', tcp('--proxy-protocol'), /--proxy-protocol applies only to TCP_SSL and QUIC listeners, not TCP/],
  ['ssl close switch on HTTPS', https(...CERT, '--ssl-close-switch'), /--ssl-close-switch applies only to TCP_SSL listeners, not HTTPS/],
  ['h2c on HTTPS', https(...CERT, '--h2c-switch'), /--h2c-switch applies only to HTTP listeners, not HTTPS/],
  ['boolean that is not', tcp('--snat-enable', 'maybe'), /--snat-enable "maybe": must be true or false/],
  [
    'unknown data compress mode',
    tcp('--data-compress-mode', 'gzip'),
    /--data-compress-mode must be one of transparent, compatibility, got "gzip"/,
  ],
  ['full end port 1', tcp('--full-end-ports', '1'), /--full-end-ports must be 2–65535, got 1/],
  ['full end port 65536', tcp('--full-end-ports', '65536'), /--full-end-ports must be 2–65535, got 65536/],
  // the command line itself
  ['unknown flag', tcp('--colour'), /unknown option '--colour'/],
  ['load balancer given twice', [...tcp(), '--load-balancer-id', 'lb-aaaaaaaa'], /--load-balancer-id was given twice/],
  ['wait timeout not a number', tcp('--wait-timeout', 'soon'), /--wait-timeout "soon": must be a duration from 1s to 24h/],
  ['from-file that is not an object', ['--from-file', 'test/fixtures/ca.crt'], /--from-file/],
  ['from-file with an unknown field', ['--from-file', '-'], /stdin: Port is not a field of the request; did you mean Ports\?/],
];

describe('validation before sending', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0'] });
  });
  after(() => emu.stop());

  test('plain http to a remote host is refused before anything is sent', async () => {
    const result = await runCli(['create', ...tcp(), '--endpoint', 'http://clb.tencentcloudapi.com'], { env: emulatorEnv(emu) });
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr,
      /^error: --endpoint "http:\/\/clb.tencentcloudapi.com": plain http:\/\/ is allowed only for loopback hosts/,
    );
    assert.match(result.stderr, /hint: use https:\/\/clb.tencentcloudapi.com/);
  });

  test('the table covers at least 60 invocations', () => assert.ok(CASES.length >= 60, String(CASES.length)));

  for (const [what, args, expected] of CASES) {
    test(what, async () => {
      const stdin = what === 'from-file with an unknown field' ? '{"LoadBalancerId":"lb-cuxw2rm0","Port":80,"Protocol":"TCP"}' : undefined;
      const result = await runAgainst(emu, ['create', ...args], stdin ? { stdin } : {});
      assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
      assert.equal(result.stdout, '', 'nothing on stdout');
      assert.match(result.stderr, expected);
      const lines = result.stderr.trim().split('\n');
      assert.match(lines[0]!, /^error: /, 'the first line says what is wrong');
      // Then any further problems, one a line, and at most a hint.
      const rest = lines.slice(1);
      const hints = rest.filter((l) => l.startsWith('hint: '));
      assert.ok(hints.length <= 1 && (hints.length === 0 || rest.at(-1) === hints[0]), `at most a hint, last:\n${result.stderr}`);
      assert.ok(
        rest.filter((l) => !l.startsWith('hint: ')).every((l) => /^ {2}\S/.test(l)),
        `one line per problem:\n${result.stderr}`,
      );
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      // This run's requests, so one case that leaks does not fail the cases after it.
      assert.deepEqual(result.requests, [], 'nothing reached the API');
    });
  }
});
