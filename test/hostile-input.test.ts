// Hostile input, table-driven, through every input path: flags, shorthand, inline JSON, file://,
// --from-file, stdin and YAML. Each case must end in exit 2 with nothing on stdout, one escaped
// error line (and at most a hint), no stack trace, no raw control character, nothing megabytes
// long, and not one request received by the emulator. In-process: hundreds of cases in seconds.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PROBLEMS_SHOWN } from '../src/ui/render-error.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, type TempHome } from './helpers/home.js';
import { run, type RunResult } from './helpers/run.js';
import { REPO_ROOT } from './helpers/paths.js';
import { createFlagSpecs } from '../src/model/flags.js';
import { MAX_INPUT_BYTES } from '../src/model/limits.js';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { main } from '../src/cli/main.js';
import { runAgainst, runCli, type CliResult } from './helpers/cli.js';
import { FakeClock } from './helpers/clock.js';
import { eventually } from './helpers/eventually.js';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';
import { startDeafProxy, startProxy } from './helpers/proxy.js';
import { EMPTY_HOME, NO_METADATA_URL } from './helpers/run.js';

const LB = 'lb-hostile1';
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const BASE = ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP'];
const HTTPS = ['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS'];
const HTTP = ['create', '--lb', LB, '--port', '80', '--protocol', 'HTTP'];
/** The rule commands on a listener given by id: what is wrong with a rule is refused before the listener is read. */
const RULE_CREATE = ['rule', 'create', '--lb', LB, '--listener-id', 'lbl-aaaa0001'];
const RULE_MODIFY = ['rule', 'modify', '--lb', LB, '--listener-id', 'lbl-aaaa0001'];
const RULE_DELETE = ['rule', 'delete', '--lb', LB, '--listener-id', 'lbl-aaaa0001'];

/** Control characters as an attacker would use them: terminal escapes, line breaks, C0, DEL, C1. */
const CONTROL_PAYLOADS: Record<string, string> = {
  'OSC title': '\u001b]0;PWNED\u0007',
  'clear screen': '\u001b[2J\u001b[H',
  CRLF: 'web\r\nX-Injected: 1',
  LF: 'web\nerror: fake',
  NUL: 'web\u0000x',
  DEL: 'web\u007f',
  'C1 CSI': 'web\u009b31m',
  'C1 NEL': 'web\u0085x',
  tab: 'web\tx',
  backspace: 'web\b\b\bxyz',
};

const MEGABYTE = 'A'.repeat(1024 * 1024);

interface Case {
  name: string;
  argv: string[];
  stdin?: string | Buffer;
  /** Also run with -o json, checking the JSON error contract. */
  json?: boolean;
  /** Added to (or, when undefined, removed from) the run's environment. */
  env?: Record<string, string | undefined>;
}

let emu: InProcessEmulator;
let home: TempHome;
let dir: string;
const cases: Case[] = [];

function add(name: string, argv: string[], extra: Partial<Case> = {}): void {
  cases.push({ name, argv, ...extra });
}

/** Files for the file paths: every kind a path could point at. */
function makeFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    files[name] = path;
  };
  files.fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [files.fifo]);
  files['link-to-fifo'] = join(dir, 'link-to-fifo');
  symlinkSync(files.fifo, files['link-to-fifo']);
  files['dev-zero'] = '/dev/zero';
  files['link-to-dev-zero'] = join(dir, 'link-to-dev-zero');
  symlinkSync('/dev/zero', files['link-to-dev-zero']);
  files.directory = join(dir, 'a-directory');
  mkdirSync(files.directory);
  files.missing = join(dir, 'no-such-file');
  write('too-big.json', `{"Name":"${'x'.repeat(MAX_INPUT_BYTES)}"}`);
  write('deep-array.json', `${'['.repeat(20000)}${']'.repeat(20000)}`);
  write('deep-object.json', `${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`);
  write('deep-flow.yaml', `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
  write('deep-block.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'));
  write('deep-compact.yaml', `${'- '.repeat(20000)}x\n`);
  write('cyclic.yaml', 'LoadBalancerId: &x [*x]\n');
  write('proto.json', '{"__proto__": {"Protocol": "TCP"}, "LoadBalancerId": "lb-hostile1"}');
  write('constructor.yaml', 'constructor: 1\nLoadBalancerId: lb-hostile1\n');
  write('prototype.json', '{"prototype": 1}');
  write('dup-keys.yaml', 'Protocol: TCP\nProtocol: UDP\n');
  write('control-value.json', '{"LoadBalancerId":"lb-hostile1","Ports":[80],"Protocol":"TCP","ListenerNames":["\\u001b]0;PWNED\\u0007"]}');
  write('control-key.json', '{"\\u001b[2JEvil":1}');
  write('shadow-like', 'root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');
  write('binary', Buffer.from([0, 1, 2, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x9b, 0x7f, 10, 13]));
  write('yaml-warning.yaml', 'LoadBalancerId: !custom 12\n');
  write('not-an-object.yaml', '- just\n- a list\n');
  write('empty', '');
  write('dup-keys.json', '{"LoadBalancerId":"lb-hostile1","Ports":[80],"Protocol":"TCP","Protocol":"UDP"}');
  write('dup-nested-keys.json', '{"LoadBalancerId":"lb-hostile1","Ports":[80],"Protocol":"TCP","HealthCheck":{"TimeOut":2,"TimeOut":5}}');
  // Listeners files for apply: each is refused before any request, the reads of the plan included.
  const listeners = (entry: string) => `listeners:\n  - LoadBalancerId: lb-hostile1\n    Port: 443\n    Protocol: HTTPS\n${entry}`;
  write('apply-control.yaml', listeners('    ListenerName: "\\e]0;PWNED\\a"\n    Certificate: {CertId: abc123}\n'));
  write(
    'apply-swapped.yaml',
    listeners(`    Certificate: {CertName: x, CertContent: "file://${FIXTURES}/server.key", CertKey: "file://${FIXTURES}/server.crt"}\n`),
  );
  write('apply-fifo.yaml', listeners('    Certificate: {CertName: x, CertContent: "file://fifo", CertKey: "file://fifo"}\n'));
  write('apply-dev-zero.yaml', listeners('    Certificate: {CertName: x, CertContent: "file:///dev/zero", CertKey: "file:///dev/zero"}\n'));
  write('apply-dup-keys.json', '{"listeners":[{"LoadBalancerId":"lb-hostile1","Port":80,"Port":81,"Protocol":"TCP"}]}');
  write('apply-megabyte-name.yaml', listeners(`    ListenerName: ${MEGABYTE}\n    Certificate: {CertId: abc123}\n`));
  write('apply-proto.yaml', listeners('    __proto__: {Port: 80}\n    Certificate: {CertId: abc123}\n'));
  write('apply-deep.json', `{"listeners":${'['.repeat(20000)}${']'.repeat(20000)}}`);
  // Bytes that are not UTF-8: Latin-1, an overlong form, an encoded surrogate, a cut-off sequence.
  write('latin1.json', Buffer.from('{"LoadBalancerId":"lb-hostile1","Ports":[80],"Protocol":"TCP","ListenerNames":["caf\xe9"]}', 'latin1'));
  write(
    'overlong.json',
    Buffer.concat([Buffer.from('{"HealthSwitch":1,"HttpCheckPath":"/'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
  );
  write('surrogate.yaml', Buffer.concat([Buffer.from('LoadBalancerId: lb-'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]));
  write(
    'cut-short.json',
    Buffer.concat([
      Buffer.from('{"LoadBalancerId":"lb-hostile1","Ports":[80],"Protocol":"TCP","ListenerNames":["'),
      Buffer.from([0xe2, 0x82]),
    ]),
  );
  write('apply-latin1.yaml', Buffer.from(listeners('    ListenerName: "caf\xe9"\n    Certificate: {CertId: abc123}\n'), 'latin1'));
  // More ports than exist in one entry, and more than one CreateListener takes.
  write(
    'apply-absurd-ports.json',
    JSON.stringify({ listeners: [{ LoadBalancerId: LB, Protocol: 'TCP', Ports: Array.from({ length: 70000 }, (_, i) => i) }] }),
  );
  write('fifty-ports.json', JSON.stringify({ LoadBalancerId: LB, Protocol: 'TCP', Ports: Array.from({ length: 50 }, (_, i) => 1000 + i) }));
  // Switches out of range and numbers as strings, which flags already refused.
  write('apply-sni-2.yaml', listeners('    SniSwitch: 2\n    Certificate: {CertId: abc123}\n'));
  write('apply-string-port.yaml', 'listeners:\n  - { LoadBalancerId: lb-hostile1, Port: "80", Protocol: TCP }\n');
  write('keepalive-7.json', JSON.stringify({ LoadBalancerId: LB, Ports: [80], Protocol: 'HTTP', KeepaliveEnable: 7 }));
  // The run's own SecretKey as input: a key file handed to a field.
  write('own-key', emu.secretKey);
  write('own-key-body.json', JSON.stringify({ LoadBalancerId: LB, Ports: [80], Protocol: 'TCP', ListenerNames: [`k${emu.secretKey}`] }));
  write('apply-own-key.yaml', listeners(`    ListenerName: "k${emu.secretKey}"\n    Certificate: {CertId: abc123}\n`));
  write('megabyte-name.json', `{"LoadBalancerId":"lb-hostile1","Ports":[80],"Protocol":"TCP","ListenerNames":["${MEGABYTE}"]}`);
  // Forwarding rules: a rule file, and apply files whose Rules: are wrong.
  write('rule-proto.json', '{"__proto__":{"Url":"/"},"Domain":"a.example.com"}');
  const ruled = (protocol: string, rules: string) =>
    `listeners:\n  - LoadBalancerId: lb-hostile1\n    Port: 80\n    Protocol: ${protocol}\n    Rules:\n${rules}`;
  write('apply-rule-control.yaml', ruled('HTTP', '      - { Domain: "a\\e]0;PWNED\\a.example.com", Url: / }\n'));
  write('apply-rule-null-url.yaml', ruled('HTTP', '      - { Domain: a.example.com, Url: null }\n'));
  write('apply-rule-proto.yaml', ruled('HTTP', '      - { Domain: a.example.com, Url: /, __proto__: { Http2: true } }\n'));
  write('apply-rule-star.yaml', ruled('HTTP', '      - { Domain: a*b.example.com, Url: / }\n'));
  write(
    'apply-rule-duplicate.yaml',
    ruled('HTTP', '      - { Domain: a.example.com, Url: / }\n      - { Domain: a.example.com, Url: / }\n'),
  );
  write(
    'apply-rule-two-defaults.yaml',
    ruled(
      'HTTP',
      '      - { Domain: a.example.com, Url: /, DefaultServer: true }\n      - { Domain: b.example.com, Url: /, DefaultServer: true }\n',
    ),
  );
  write('apply-rule-domains-string.yaml', ruled('HTTP', '      - { Domains: a.example.com, Url: / }\n'));
  write('apply-rule-domains-numbers.yaml', ruled('HTTP', '      - { Domains: [1, 2], Url: / }\n'));
  write('apply-rule-tcp.yaml', ruled('TCP', '      - { Domain: a.example.com, Url: / }\n'));
  write('apply-rule-not-a-list.yaml', ruled('HTTP', '      Domain: a.example.com\n'));
  write('apply-rule-not-an-object.yaml', ruled('HTTP', '      - "Domain=a.example.com,Url=/"\n'));
  write('apply-rule-megabyte-url.yaml', ruled('HTTP', `      - { Domain: a.example.com, Url: /${MEGABYTE} }\n`));
  write(
    'apply-rule-missing-cert.yaml',
    ruled(
      'HTTPS',
      '      - { Domain: a.example.com, Url: /, Certificate: { CertName: x, CertContent: "file://no-such-file", CertKey: "file://no-such-file" } }\n',
    ),
  );
  write(
    'apply-rule-key-in-url.yaml',
    ruled('HTTP', '      - { Domain: a.example.com, Url: "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----" }\n'),
  );
  return files;
}

/** The document-shaped files, for every path that reads a document. */
const DOCUMENTS = [
  'fifo',
  'link-to-fifo',
  'dev-zero',
  'link-to-dev-zero',
  'directory',
  'missing',
  'too-big.json',
  'deep-array.json',
  'deep-object.json',
  'deep-flow.yaml',
  'deep-block.yaml',
  'deep-compact.yaml',
  'cyclic.yaml',
  'proto.json',
  'constructor.yaml',
  'prototype.json',
  'dup-keys.yaml',
  'control-value.json',
  'control-key.json',
  'shadow-like',
  'binary',
  'yaml-warning.yaml',
  'not-an-object.yaml',
  'empty',
  'megabyte-name.json',
  'dup-keys.json',
  'dup-nested-keys.json',
  'latin1.json',
  'overlong.json',
  'surrogate.yaml',
  'cut-short.json',
  'fifty-ports.json',
  'keepalive-7.json',
];

const APPLY_FILES = [
  'apply-control.yaml',
  'apply-swapped.yaml',
  'apply-fifo.yaml',
  'apply-dev-zero.yaml',
  'apply-dup-keys.json',
  'apply-megabyte-name.yaml',
  'apply-proto.yaml',
  'apply-deep.json',
  'apply-latin1.yaml',
  'apply-absurd-ports.json',
  'apply-own-key.yaml',
  'apply-sni-2.yaml',
  'apply-string-port.yaml',
  'apply-rule-control.yaml',
  'apply-rule-null-url.yaml',
  'apply-rule-proto.yaml',
  'apply-rule-star.yaml',
  'apply-rule-duplicate.yaml',
  'apply-rule-two-defaults.yaml',
  'apply-rule-tcp.yaml',
  'apply-rule-not-a-list.yaml',
  'apply-rule-not-an-object.yaml',
  'apply-rule-megabyte-url.yaml',
  'apply-rule-missing-cert.yaml',
  'apply-rule-key-in-url.yaml',
  'apply-rule-domains-string.yaml',
  'apply-rule-domains-numbers.yaml',
];

/** Documents that can also arrive on stdin (not the special files). */
const STDIN_DOCUMENTS = DOCUMENTS.filter(
  (name) =>
    !['fifo', 'link-to-fifo', 'dev-zero', 'link-to-dev-zero', 'directory', 'missing'].includes(name) &&
    // Their bytes go to stdin as they are, below: read as text here, they would be valid UTF-8.
    !['latin1.json', 'overlong.json', 'surrogate.yaml', 'cut-short.json'].includes(name),
);

function buildCases(files: Record<string, string>, read: (name: string) => string, readBytes: (name: string) => Buffer): void {
  // 1. Flags: control characters in every kind of string flag.
  const stringFlags: [string, string[]][] = [
    ['--lb', ['create', '--port', '80', '--protocol', 'TCP']],
    ['--name', BASE],
    ['--protocol', ['create', '--lb', LB, '--port', '80']],
    ['--scheduler', BASE],
    ['--target-type', BASE],
    ['--session-type', BASE],
    ['--data-compress-mode', BASE],
    ['--cert-id', HTTPS],
    ['--ca-cert-id', [...HTTPS, '--cert-id', 'abc123']],
    ['--ssl-mode', [...HTTPS, '--cert-id', 'abc123']],
    ['--ssl-verify-client', [...HTTPS, '--cert-id', 'abc123']],
    ['--port', ['create', '--lb', LB, '--protocol', 'TCP']],
    ['--max-conn', BASE],
  ];
  for (const [flag, base] of stringFlags) {
    for (const [label, payload] of Object.entries(CONTROL_PAYLOADS)) {
      add(`flag ${flag} with ${label}`, [...base, flag, payload], { json: flag === '--name' || flag === '--lb' });
    }
  }
  add('flag --lb with a megabyte value', ['create', '--port', '80', '--protocol', 'TCP', '--lb', MEGABYTE], { json: true });
  add('flag --name with a megabyte value', [...BASE, '--name', MEGABYTE], { json: true });
  add('flag --ssl-mode with a megabyte value', [...HTTPS, '--cert-id', 'abc123', '--ssl-mode', MEGABYTE]);
  add('flag --cert-id with a megabyte value ending in an escape', [...HTTPS, '--cert-id', `${MEGABYTE}\u001b[2J`]);

  // 2. Empty values: every option that takes one.
  for (const spec of createFlagSpecs()) {
    if (!spec.value || spec.negate) continue;
    add(`empty ${spec.long}`, [...BASE, spec.long, '']);
    add(`blank ${spec.long}`, [...BASE, `${spec.long}=  `]);
  }
  for (const flag of [
    '--profile',
    '--region',
    '--endpoint',
    '--request-timeout',
    '--query',
    '--language',
    '--output',
    '--from-file',
    '--wait-timeout',
  ]) {
    add(`empty ${flag}`, [...BASE, flag, ''], { json: true });
  }

  // 3. Conflicting repeats.
  const repeats: [string, string, string, string[]][] = [
    ['--lb', 'lb-hostile1', 'lb-hostile2', ['create', '--port', '80', '--protocol', 'TCP']],
    ['--load-balancer-id', 'lb-hostile1', 'lb-hostile2', ['create', '--port', '80', '--protocol', 'TCP']],
    ['--protocol', 'TCP', 'UDP', ['create', '--lb', LB, '--port', '80']],
    ['--scheduler', 'WRR', 'LEAST_CONN', BASE],
    ['--session-expire-time', '30', '60', BASE],
    ['--cert-id', 'abc123', 'def456', HTTPS],
    ['--ssl-mode', 'UNIDIRECTIONAL', 'MUTUAL', [...HTTPS, '--cert-id', 'abc123']],
    ['--health-check', 'on', 'off', BASE],
    ['--health-check', 'HealthSwitch=1', 'HealthSwitch=0', BASE],
    ['--max-conn', '100', '200', BASE],
    ['--idle-connect-timeout', '100', '200', BASE],
    ['--region', 'ap-guangzhou', 'ap-shanghai', BASE],
    ['--endpoint', 'http://127.0.0.1:9', 'http://127.0.0.1:10', BASE],
    ['--profile', 'one', 'two', BASE],
    ['--request-timeout', '5', '6', BASE],
    ['--wait-timeout', '5', '6', BASE],
    ['--output', 'json', 'text', BASE],
    ['--query', 'ListenerIds', 'RequestId', BASE],
    ['--from-file', 'a.json', 'b.json', ['create']],
  ];
  for (const [flag, first, second, base] of repeats) add(`repeated ${flag} ${first} / ${second}`, [...base, flag, first, flag, second]);
  // One field given twice under two spellings: a --cert-* flag and the same key in --certificate.
  add('repeated CertId: --cert-id and --certificate', [...HTTPS, '--cert-id', 'abc123', '--certificate', 'CertId=def456']);
  add('repeated SSLMode: --ssl-mode and --certificate', [
    ...HTTPS,
    '--ssl-mode',
    'MUTUAL',
    '--certificate',
    'CertId=abc123,SSLMode=UNIDIRECTIONAL',
  ]);
  add('repeated CertCaId: --ca-cert-id and --certificate JSON', [
    ...HTTPS,
    '--ca-cert-id',
    'ca1',
    '--certificate',
    '{"CertId":"abc123","SSLMode":"MUTUAL","CertCaId":"ca2"}',
  ]);
  for (const spec of createFlagSpecs().filter((s) => s.negate)) {
    const positive = spec.long.replace(/^--no-/, '--');
    add(`${positive} and ${spec.long}`, [...BASE, positive, spec.long]);
    add(`${positive} 1 and ${spec.long}`, [...BASE, `${positive}=1`, spec.long]);
    add(`${positive} true and ${positive} false`, [...BASE, `${positive}=true`, `${positive}=false`]);
  }

  // 4. Shorthand.
  for (const [label, payload] of Object.entries(CONTROL_PAYLOADS)) {
    add(`shorthand value with ${label}`, [...BASE, '--health-check', `HealthSwitch=1,HttpCheckDomain=${payload}`], { json: true });
    add(`shorthand key with ${label}`, [...BASE, '--health-check', `${payload}=1`]);
  }
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    add(`shorthand key ${key}`, [...BASE, '--health-check', `${key}=1`], { json: true });
    add(`shorthand key ${key} after a valid one`, [...BASE, '--health-check', `HealthSwitch=1,${key}=1`]);
  }
  add('shorthand repeated key, two values', [...BASE, '--health-check', 'TimeOut=2,TimeOut=5']);
  add('shorthand repeated switch, two values', [...BASE, '--health-check', 'HealthSwitch=1,HealthSwitch=0']);
  add('shorthand repeated key in --certificate', [...HTTPS, '--certificate', 'CertId=abc123,CertId=def456']);
  add('shorthand with a megabyte value', [...BASE, '--health-check', `HttpCheckPath=/${MEGABYTE}`]);
  add('shorthand with a megabyte key', [...BASE, '--health-check', `${MEGABYTE}=1`]);
  add('shorthand with no key', [...BASE, '--health-check', '=1']);
  add('shorthand with 10,000 pairs', [...BASE, '--health-check', Array.from({ length: 10000 }, (_, i) => `K${i}=1`).join(',')]);
  add('shorthand private key on the command line', [...HTTPS, '--certificate', 'CertKey=-----BEGIN PRIVATE KEY-----x']);

  // 5. Inline JSON.
  const inline: Record<string, string> = {
    '__proto__ key': '{"__proto__":{"HealthSwitch":1}}',
    'constructor key': '{"constructor":{"name":"x"}}',
    'prototype key': '{"prototype":1}',
    'nested __proto__': '{"HealthSwitch":1,"x":{"__proto__":{}}}',
    '20,000-deep array': `${'['.repeat(20000)}${']'.repeat(20000)}`,
    '20,000-deep object': `${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`,
    '33-deep object': `${'{"a":'.repeat(33)}1${'}'.repeat(33)}`,
    'control character in a key': '{"\\u001b]0;PWNED\\u0007":1}',
    'raw control character in a key': '{"\u001b]0;PWNED\u0007":1}',
    'control character in a value': '{"HttpCheckDomain":"a\\u001b[2Jb"}',
    'megabyte value': `{"HttpCheckPath":"/${MEGABYTE}"}`,
    'a key given twice': '{"TimeOut":2,"IntervalTime":10,"TimeOut":5}',
    'megabyte key': `{"${MEGABYTE}":1}`,
    'invalid JSON with escapes': '{"HealthSwitch":\u001b]0;PWNED\u0007}',
    'invalid JSON, truncated': '{"HealthSwitch":',
    'an array': '[1,2,3]',
    'a string': '{"HealthSwitch":"\u009b31m"}',
  };
  for (const [label, text] of Object.entries(inline)) add(`inline JSON: ${label}`, [...BASE, '--health-check', text], { json: true });
  add('inline JSON in --certificate: __proto__', [...HTTPS, '--certificate', '{"__proto__":{"CertId":"x"}}']);
  add('inline JSON in --multi-cert-info: deep', [...HTTPS, '--multi-cert-info', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`]);

  // 6. file:// in a nested flag and in a nested field.
  for (const name of DOCUMENTS) {
    add(`file:// ${name} in --health-check`, [...BASE, '--health-check', `file://${files[name]}`]);
    add(`file:// ${name} as CertContent`, [...HTTPS, '--certificate', `CertContent=file://${files[name]}`]);
  }

  // 7. --from-file PATH.
  for (const name of DOCUMENTS) add(`--from-file ${name}`, ['create', '--from-file', files[name]!], { json: name.includes('deep') });

  // 7b. apply -f FILE, with and without --plan: the special and broken documents, and listeners files of its own.
  const applyDocuments = ['fifo', 'dev-zero', 'directory', 'too-big.json', 'deep-object.json', 'deep-block.yaml', 'proto.json', 'binary'];
  for (const name of [...applyDocuments, ...APPLY_FILES]) {
    add(`apply -f ${name}`, ['apply', '-f', files[name]!], { json: name.startsWith('apply-') });
    add(`apply -f ${name} --plan`, ['apply', '-f', files[name]!, '--plan']);
  }

  // 8. stdin.
  for (const name of STDIN_DOCUMENTS) add(`--from-file - with ${name}`, ['create', '--from-file', '-'], { stdin: read(name) });
  add('--from-file - with more than the input limit', ['create', '--from-file', '-'], { stdin: `{"a":"${'x'.repeat(MAX_INPUT_BYTES)}"}` });
  for (const name of ['latin1.json', 'overlong.json', 'surrogate.yaml', 'cut-short.json']) {
    add(`--from-file - with the bytes of ${name}`, ['create', '--from-file', '-'], { stdin: readBytes(name), json: true });
  }
  add('stdin for two options', [...HTTPS, '--cert-file', '-', '--key-file', '-'], { stdin: 'x' });
  add('stdin for --from-file and --cert-file', ['create', '--from-file', '-', '--cert-file', '-'], { stdin: '{}' });

  // 9. YAML through stdin, inline variants.
  const yaml: Record<string, string> = {
    'tab-indented': 'LoadBalancerId: lb-hostile1\n\tPorts: [80]\n',
    'alias bomb': `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from(
      { length: 12 },
      (_, i) =>
        `b${i}: &b${i} [${Array(9)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(',')}]`,
    ).join('\n')}\n`,
    'unknown tag': 'LoadBalancerId: !!binary aGVsbG8=\n',
    'control characters in a plain scalar': 'LoadBalancerId: lb-hostile1\nPorts: [80]\nProtocol: TCP\nListenerNames: ["\\e]0;PWNED\\a"]\n',
    'document stream': '---\nLoadBalancerId: a\n---\nLoadBalancerId: b\n',
    'merge key with __proto__': 'base: &b {__proto__: 1}\n<<: *b\n',
  };
  for (const [label, text] of Object.entries(yaml))
    add(`YAML on stdin: ${label}`, ['create', '--from-file', '-'], { stdin: text, json: true });

  // 10. Certificate and key files.
  for (const name of ['fifo', 'link-to-fifo', 'dev-zero', 'directory', 'missing', 'too-big.json', 'binary']) {
    add(`--cert-file ${name}`, [...HTTPS, '--cert-file', files[name]!, '--key-file', files.empty!]);
    add(`--key-file ${name}`, [...HTTPS, '--cert-file', files.empty!, '--key-file', files[name]!]);
    add(`--ca-file ${name}`, [...HTTPS, '--cert-id', 'abc123', '--ca-file', files[name]!]);
  }

  // 11. Global options.
  const globals: [string, string][] = [
    ['--region', 'ap-guangzhou\r\nX-Injected: 1'],
    ['--region', 'AP-GUANGZHOU'],
    ['--region', 'ap guangzhou'],
    ['--region', '\u001b]0;PWNED\u0007'],
    ['--region', 'ap-guangzhou\u0000'],
    ['--region', MEGABYTE],
    ['--endpoint', 'http://evil.localhost:1'],
    ['--endpoint', 'http://clb.example.invalid'],
    // Hosts under .invalid never resolve: a case that slipped through could not reach anything.
    ['--endpoint', 'ftp://clb.example.invalid'],
    ['--endpoint', 'https://clb.example.invalid/path'],
    ['--endpoint', 'https://clb.example.invalid/?q=1'],
    ['--endpoint', 'https://clb.exam\u001b]0;x\u0007ple.invalid'],
    ['--endpoint', 'https://clb.example\n.invalid'],
    ['--endpoint', 'https://clb.example.invalid\r\n'],
    ['--endpoint', 'http://127.0.0.1\t:1'],
    ['--profile', '../escape'],
    ['--profile', 'a/b'],
    ['--profile', '\u001b[2J'],
    ['--request-timeout', 'abc'],
    ['--request-timeout', '-1'],
    ['--request-timeout', '0'],
    ['--request-timeout', '1e9'],
    ['--request-timeout', '\u001b[2J'],
    ['--wait-timeout', 'soon'],
    ['--wait-timeout', '0'],
    ['--query', 'ListenerIds[\u001b]0;PWNED\u0007'],
    ['--query', '['],
    ['--query', 'abs(ListenerIds)'],
    ['--query', 'ListenerIdz[0]'],
    ['--output', 'yaml\u001b[2J'],
    ['--language', 'fr-FR'],
  ];
  for (const [flag, value] of globals) add(`global ${flag} ${JSON.stringify(value.slice(0, 40))}`, [...BASE, flag, value], { json: true });

  // 11a. The run's own SecretKey in what would be sent.
  add('own SecretKey as CertId through file://', [...HTTPS, '--certificate', `CertId=file://${files['own-key']}`], { json: true });
  add('own SecretKey in a --from-file body', ['create', '--from-file', files['own-key-body.json']!], { json: true });
  add('own SecretKey in a --dry-run body', ['create', '--from-file', files['own-key-body.json']!, '--dry-run']);

  // 11b. Arguments whose bytes were not UTF-8 (Node hands them over with U+FFFD in their place).
  add('argv: --name with a byte that is not UTF-8', [...BASE, '--name', 'caf\uFFFD'], { json: true });
  add('argv: --lb=… with a byte that is not UTF-8', ['create', '--port', '80', '--protocol', 'TCP', '--lb=lb-\uFFFD'], { json: true });
  add('argv: an option name with a byte that is not UTF-8', [...BASE, '--na\uFFFDme', 'x']);
  add(
    'argv: --port with 50 ports',
    ['create', '--lb', LB, '--protocol', 'TCP', '--port', Array.from({ length: 50 }, (_, i) => 1000 + i).join(',')],
    {
      json: true,
    },
  );

  // 12. Unknown options and commands.
  add('unknown option with an escape', [...BASE, '--\u001b]0;PWNED\u0007']);
  add('unknown option with a value and an escape', [...BASE, '--x=\u001b[2J']);
  add('unknown command with an escape', ['cre\u001b[2Jate']);
  add('unknown option a megabyte long', [...BASE, `--${MEGABYTE}`]);
  add('excess argument with an escape', [...BASE, '\u001b]0;PWNED\u0007']);

  // 13. The other commands.
  for (const [label, payload] of Object.entries(CONTROL_PAYLOADS)) {
    add(`wait with ${label}`, ['wait', payload]);
    add(`list --lb with ${label}`, ['list', '--lb', payload]);
    add(`delete --listener-id with ${label}`, ['delete', '--lb', LB, '--listener-id', payload]);
  }
  add('wait with a megabyte id', ['wait', MEGABYTE]);
  for (const [label, payload] of Object.entries(CONTROL_PAYLOADS)) {
    add(`configure set secretId with ${label}`, ['configure', 'set', 'secretId', `AKID${payload}`]);
  }
  add('configure set secretKey - with two lines on stdin', ['configure', 'set', 'secretKey', '-'], { stdin: 'first\nsecond\n' });
  add('configure set token - with an escape on stdin', ['configure', 'set', 'token', '-'], { stdin: 'tok\u001b]0;x\u0007en' });
  add('configure set endpoint with a line break', ['configure', 'set', 'endpoint', 'https://clb.example.invalid\n']);
  add('configure set with an empty key', ['configure', 'set', '', 'x']);
  add('delete with an empty --listener-id', ['delete', '--lb', LB, '--listener-id', '']);
  add('list with conflicting --lb', ['list', '--lb', LB, '--lb', 'lb-hostile2']);

  // 13b. Forwarding rules: --rule on create, rule create and rule modify (the listener by id).
  for (const [label, payload] of Object.entries(CONTROL_PAYLOADS)) {
    add(`--rule Domain with ${label}`, [...HTTP, '--rule', `Domain=${payload},Url=/`], { json: true });
    add(`--rule JSON Url with ${label}`, [...RULE_CREATE, '--rule', JSON.stringify({ Domain: 'a.example.com', Url: `/${payload}` })]);
  }
  const badRules: Record<string, string> = {
    'a megabyte Url': `Domain=a.example.com,Url=/${MEGABYTE}`,
    'a megabyte Domain (JSON)': JSON.stringify({ Domain: MEGABYTE, Url: '/' }),
    'Domain a number': '{"Domain":1,"Url":"/"}',
    'Url a list': '{"Domain":"a.example.com","Url":["/"]}',
    'Domains a string': '{"Domains":"a.example.com","Url":"/"}',
    'Domains of numbers': '{"Domains":[1,2],"Url":"/"}',
    'Domains with null': '{"Domains":[null],"Url":"/"}',
    'SessionExpireTime not a number': 'Domain=a.example.com,Url=/,SessionExpireTime=soon',
    'HealthCheck a number': '{"Domain":"a.example.com","Url":"/","HealthCheck":5}',
    'Http2 not a boolean': 'Domain=a.example.com,Url=/,Http2=maybe',
    'Domain null': '{"Domain":null,"Url":"/"}',
    'Url null': '{"Domain":"a.example.com","Url":null}',
    'a null rule': 'null',
    'a list': '[{"Domain":"a.example.com","Url":"/"}]',
    'a string': '"Domain=a.example.com"',
    __proto__: '{"__proto__":{"Url":"/"},"Domain":"a.example.com"}',
    constructor: '{"Domain":"a.example.com","Url":"/","constructor":{"name":"x"}}',
    'shorthand __proto__': 'Domain=a.example.com,Url=/,__proto__=1',
    'nested __proto__': '{"Domain":"a.example.com","Url":"/","HealthCheck":{"__proto__":{"TimeOut":5}}}',
    'truncated JSON': '{"Domain":"a.example.com","Url":"/"',
    empty: '',
    blank: '   ',
    'no Url': 'Domain=a.example.com',
    'no domain': 'Url=/',
    'Domain and Domains': '{"Domain":"a.example.com","Domains":["b.example.com"],"Url":"/"}',
    'Domains empty': '{"Domains":[],"Url":"/"}',
    'a repeated key': 'Domain=a.example.com,Url=/,Domain=b.example.com',
    'an unknown key': 'Domain=a.example.com,Url=/,Dommain=b',
    'a*b.example.com': 'Domain=a*b.example.com,Url=/',
    'an 81-character domain': `Domain=${'a'.repeat(77)}.com,Url=/`,
    'an empty Url': 'Domain=a.example.com,Url=',
    'a 201-character Url': `Domain=a.example.com,Url=/${'u'.repeat(200)}`,
    'Http2 on HTTP': 'Domain=a.example.com,Url=/,Http2=true',
    'a scheduler of another kind': 'Domain=a.example.com,Url=/,Scheduler=ROUND_ROBIN',
    'SessionExpireTime 10': 'Domain=a.example.com,Url=/,SessionExpireTime=10',
    'a layer-4 health-check key': '{"Domain":"a.example.com","Url":"/","HealthCheck":{"CheckPort":8080}}',
    'a private key on the command line':
      '{"Domain":"a.example.com","Url":"/","Certificate":{"CertKey":"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"}}',
    'a private key as the Url': '{"Domain":"a.example.com","Url":"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"}',
  };
  for (const [label, rule] of Object.entries(badRules)) {
    add(`--rule: ${label}`, [...HTTP, '--rule', rule], { json: true });
    // Which protocol a listener has is known only once it is read: those rules are create's alone.
    if (!label.includes('on HTTP')) add(`rule create --rule: ${label}`, [...RULE_CREATE, '--rule', rule]);
  }
  for (const [label, payload] of Object.entries(CONTROL_PAYLOADS)) {
    add(`rule delete --location-id with ${label}`, [...RULE_DELETE, '--location-id', payload]);
    add(`rule delete --domain with ${label}`, [...RULE_DELETE, '--domain', payload, '--url', '/']);
    add(`rule delete --url with ${label}`, [...RULE_DELETE, '--domain', 'a.example.com', '--url', payload]);
    add(`rule list --listener-id with ${label}`, ['rule', 'list', '--lb', LB, '--listener-id', payload]);
  }
  add('rule delete with a megabyte --url', [...RULE_DELETE, '--domain', 'a.example.com', '--url', MEGABYTE]);
  add('rule delete --domain a*b.example.com', [...RULE_DELETE, '--domain', 'a*b.example.com', '--url', '/']);
  add('rule delete --domain of 81 characters', [...RULE_DELETE, '--domain', `${'a'.repeat(77)}.com`, '--url', '/']);
  add('rule delete --url empty', [...RULE_DELETE, '--domain', 'a.example.com', '--url', '']);
  add('rule delete --new-default-domain a*b.example.com', [
    ...RULE_DELETE,
    '--location-id',
    'loc-aaaa0001',
    '--new-default-domain',
    'a*b.example.com',
  ]);
  add('rule delete --location-id loc- with an escape', [...RULE_DELETE, '--location-id', 'loc-\u001b]0;x\u0007']);
  add('rule delete with --domain and no --url', [...RULE_DELETE, '--domain', 'a.example.com']);
  add('rule delete with nothing to delete', [...RULE_DELETE]);
  add('rule create without --rule', [...RULE_CREATE]);
  add('rule modify with two --rule', [...RULE_MODIFY, '--rule', 'Domain=a.example.com,Url=/', '--rule', 'Domain=b.example.com,Url=/']);
  add('rule create with --listener-id and --port', [...RULE_CREATE, '--port', '80', '--rule', 'Domain=a.example.com,Url=/']);
  add('rule modify --rule: a*b.example.com', [...RULE_MODIFY, '--rule', 'Domain=a*b.example.com,Url=/']);
  add('rule modify --rule: an 81-character domain', [...RULE_MODIFY, '--rule', `Domain=${'a'.repeat(77)}.com,Url=/`]);
  add('rule modify --rule: __proto__', [...RULE_MODIFY, '--rule', '{"__proto__":{"Url":"/"},"Domain":"a.example.com"}']);
  add('--rule twice: one domain and URL', [...HTTP, '--rule', 'Domain=a.example.com,Url=/', '--rule', 'Domain=a.example.com,Url=/'], {
    json: true,
  });
  add('--rule twice: two default domains', [
    ...HTTP,
    '--rule',
    'Domain=a.example.com,Url=/,DefaultServer=true',
    '--rule',
    'Domain=b.example.com,Url=/,DefaultServer=true',
  ]);
  add('--rule on a TCP listener', [...BASE, '--rule', 'Domain=a.example.com,Url=/']);
  add('--rule with a certificate on HTTP', [...HTTP, '--rule', 'Domain=a.example.com,Url=/,Certificate={CertId=abc123}']);
  add('rule create --rule twice: one domain and URL', [
    ...RULE_CREATE,
    '--rule',
    'Domain=a.example.com,Url=/',
    '--rule',
    'Domain=a.example.com,Url=/',
  ]);
  for (const name of [
    'fifo',
    'dev-zero',
    'directory',
    'missing',
    'too-big.json',
    'binary',
    'deep-object.json',
    'rule-proto.json',
    'empty',
    'shadow-like',
  ]) {
    add(`--rule file:// ${name}`, [...HTTP, '--rule', `file://${files[name]}`]);
    add(`rule create --rule file:// ${name}`, [...RULE_CREATE, '--rule', `file://${files[name]}`]);
  }
  add('--rule with a CertContent file:// of a missing file', [
    ...HTTPS,
    '--sni-switch',
    '1',
    '--rule',
    `{"Domain":"a.example.com","Url":"/","Certificate":{"CertName":"x","CertContent":"file://${files.missing}","CertKey":"file://${files.missing}"}}`,
  ]);
  add('--rule with a CertKey file:// of a binary file', [
    ...HTTPS,
    '--sni-switch',
    '1',
    '--rule',
    `{"Domain":"a.example.com","Url":"/","Certificate":{"CertName":"x","CertContent":"file://${FIXTURES}/server.crt","CertKey":"file://${files.binary}"}}`,
  ]);

  // 14. The environment: keys, tokens and role settings holding what no key or ARN holds.
  const environments: [string, Record<string, string>][] = [
    ['a session token with CR/LF', { TENCENTCLOUD_SESSION_TOKEN: 'token-0123456789\r\nX-Injected: 1' }],
    ['a session token with an escape', { TENCENTCLOUD_TOKEN: 'token\u001b]0;PWNED\u0007' }],
    ['a SecretId with an escape', { TENCENTCLOUD_SECRET_ID: 'AKID\u001b]0;PWNED\u0007' }],
    ['a SecretId with a non-ASCII quote', { TENCENTCLOUD_SECRET_ID: 'AKID\u2019x' }],
    ['a SecretKey with a line break inside', { TENCENTCLOUD_SECRET_KEY: 'first-half\nsecond-half' }],
    ['a SecretKey with a space inside', { TENCENTCLOUD_SECRET_KEY: 'first-half second-half' }],
    ['a role ARN with an escape', { TENCENTCLOUD_ROLE_ARN: 'qcs::cam::uin/1:roleName/x\u001b[2J', TENCENTCLOUD_ROLE_SESSION_NAME: 'ok' }],
    ['a role session name with a space', { TENCENTCLOUD_ROLE_ARN: 'qcs::cam::uin/1:roleName/x', TENCENTCLOUD_ROLE_SESSION_NAME: 'a b' }],
  ];
  for (const [label, env] of environments) {
    add(`environment: ${label}`, BASE, { env, json: true });
    add(`environment: ${label} (wait)`, ['wait', 'e125544b-3561-421f-a093-54cf7ffe2c20'], { env });
  }
}

/** Everything a hostile input may not do to the output. */
function assertRefused(result: RunResult, json: boolean, secretKey: string): void {
  const context = `exit ${result.code}\nstderr: ${JSON.stringify(result.stderr.slice(0, 600))}`;
  assert.equal(result.code, 2, context);
  assert.equal(result.stdout, '', `nothing on stdout: ${context}`);
  assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, `no stack trace: ${context}`);
  assert.doesNotMatch(result.stderr, /this is a bug|Maximum call stack|YAMLWarning|node:internal/, context);
  assert.doesNotMatch(
    result.stderr,
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    `no raw control character: ${context}`,
  );
  assert.ok(result.stderr.length < 4096, `short (${result.stderr.length} characters): ${context}`);
  assert.ok(!result.stderr.includes(secretKey), 'the secret key never appears');
  const lines = result.stderr.replace(/\n$/, '').split('\n');
  if (json) {
    assert.equal(lines.length, 1, `one JSON line: ${context}`);
    const body = JSON.parse(lines[0]!) as { Error?: { Code?: string; Message?: string } };
    assert.equal(body.Error?.Code, 'Usage', context);
    assert.ok(body.Error?.Message, context);
  } else {
    assert.match(lines[0]!, /^error: \S/, `an error line first: ${context}`);
    // Then each further problem of the input on a line of its own (a few at most), then a hint.
    const hint = lines.at(-1)?.startsWith('hint: ') ? 1 : 0;
    const problems = lines.slice(1, lines.length - hint);
    assert.ok(problems.length <= PROBLEMS_SHOWN, `one error line, at most ${PROBLEMS_SHOWN - 1} problems and a hint: ${context}`);
    for (const line of problems) assert.match(line, /^ {2}\S/, `a problem line: ${context}`);
    for (const line of lines) assert.ok(line.length <= 1100, `a line of ${line.length} characters: ${context}`);
  }
}

describe('hostile input: exit 2, one escaped line, nothing sent', () => {
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB, 'lb-hostile2'] });
    home = makeTempHome();
    dir = mkdtempSync(join(tmpdir(), 'clb-hostile-'));
    const files = makeFiles();
    const { readFileSync } = await import('node:fs');
    buildCases(
      files,
      (name) => readFileSync(files[name]!, 'latin1'),
      (name) => readFileSync(files[name]!),
    );
  });
  after(async () => {
    await emu.stop();
    home.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the table has at least 300 cases across every input path', () => {
    assert.ok(cases.length >= 300, `${cases.length} cases`);
    for (const path of [
      'flag ',
      'empty ',
      'repeated ',
      'shorthand ',
      'inline JSON',
      'file:// ',
      '--from-file ',
      '--from-file - ',
      'YAML ',
      'global ',
      'environment: ',
      'apply -f ',
      '--rule',
      'rule create ',
    ]) {
      assert.ok(
        cases.some((c) => c.name.startsWith(path)),
        `cases for ${path.trim()}`,
      );
    }
  });

  test('every case is refused, safely', async () => {
    const env = home.env({
      TENCENTCLOUD_SECRET_ID: emu.secretId,
      TENCENTCLOUD_SECRET_KEY: emu.secretKey,
      TENCENTCLOUD_REGION: emu.region,
    });
    const failures: string[] = [];
    let runs = 0;
    // Read in-process: no control request of its own to count.
    const sent = () => Object.values(emu.running.state().counts).reduce((a, b) => a + b, 0);
    const resetLog = () => emu.running.emulator.reset();
    for (const c of cases) {
      for (const json of c.json ? [false, true] : [false]) {
        const argv = [...c.argv, '--endpoint', emu.endpoint, ...(json ? ['-o', 'json'] : [])];
        // A repeated or empty --endpoint under test must stay the only one.
        const endpointUnderTest = c.argv.includes('--endpoint');
        const result = await run(endpointUnderTest ? [...c.argv, ...(json ? ['-o', 'json'] : [])] : argv, {
          env: c.env ? { ...env, ...c.env, CLB_LISTENER_STS_ENDPOINT: emu.endpoint } : env,
          cwd: dir,
          ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
        });
        runs++;
        try {
          assertRefused(result, json, emu.secretKey);
          const received = sent();
          assert.equal(received, 0, `the emulator received ${received} requests`);
        } catch (error) {
          resetLog();
          failures.push(`${c.name}${json ? ' (-o json)' : ''}: ${(error as Error).message.split('\n').slice(0, 3).join(' | ')}`);
        }
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${runs} runs failed:\n${failures.join('\n')}`);
  });
});

// Hostile networks and terminals: not refusals (the input is fine) but places where a command
// used to wait for ever, crash, or print nothing. Each must end with its exit code, one error line
// naming what failed, no stack trace and no secret.
describe('hostile networks and terminals: every wait ends, with the truth', () => {
  const SECRET_KEY = 'hostile-network-secret-key-0001';
  const NET_ENV = {
    HOME: EMPTY_HOME,
    TENCENTCLOUD_SECRET_ID: 'AKIDhostilenetwork0001',
    TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
    TENCENTCLOUD_REGION: 'ap-guangzhou',
    CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
    NO_COLOR: '1',
  };
  const CREATE = ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP'];
  const viaProxy = (port: number) => ({ ...NET_ENV, HTTPS_PROXY: `http://127.0.0.1:${port}` });
  const REMOTE = ['--endpoint', 'clb.tencentcloudapi.com'];

  let emulator: InProcessEmulator;
  let silent: TcpServer;
  let silentRequests = 0;
  const silentSockets = new Set<Socket>();
  before(async () => {
    emulator = await inProcessEmulator({ loadBalancers: [LB] });
    silent = createTcpServer((socket) => {
      silentSockets.add(socket);
      socket.on('close', () => silentSockets.delete(socket));
      socket.on('error', () => {});
      socket.on('data', (chunk: Buffer) => (silentRequests += chunk.toString('latin1').split('POST / HTTP/1.1').length - 1));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    for (const socket of silentSockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await emulator.stop();
  });

  interface Edge {
    name: string;
    run(): Promise<Pick<CliResult, 'code' | 'stdout' | 'stderr'>>;
    code: number;
    stderr: RegExp;
    stdout?: RegExp;
  }

  /** `create` on the remote endpoint through the proxy `start` opens, closed after the run. */
  async function createThroughProxy(start: () => Promise<{ port: number; close(): Promise<void> }>, extra: string[] = []) {
    const proxy = await start();
    try {
      return await runCli([...CREATE, ...REMOTE, ...extra], { env: viaProxy(proxy.port), clock: new FakeClock() });
    } finally {
      await proxy.close();
    }
  }

  const edges: Edge[] = [
    {
      name: 'a proxy that closes every CONNECT (it was asked again thousands of times a second, for ever)',
      run: () => createThroughProxy(() => startDeafProxy('close'), ['--request-timeout', '5']),
      code: 6,
      stderr:
        /^error: CreateListener: the proxy http:\/\/127\.0\.0\.1:\d+\/ \(HTTPS_PROXY\) closed the connection before the tunnel was open \(3 attempts\)$/m,
    },
    {
      name: 'a proxy that resets every CONNECT (reported as "may have been applied" before)',
      run: () => createThroughProxy(() => startDeafProxy('reset'), ['--request-timeout', '5']),
      code: 6,
      stderr: /^hint: nothing was sent; check the endpoint \(https:\/\/clb\.tencentcloudapi\.com\), the proxy/m,
    },
    {
      name: 'a proxy that refuses every CONNECT (HTTP 403)',
      run: () => createThroughProxy(startProxy),
      code: 6,
      stderr: /^error: CreateListener: the proxy http:\/\/127\.0\.0\.1:\d+\/ \(HTTPS_PROXY\) refused the tunnel \(HTTP 403\)$/m,
    },
    {
      name: 'a proxy that never answers the CONNECT, then SIGTERM',
      run: async () => {
        const proxy = await startDeafProxy('silent');
        const controller = new AbortController();
        try {
          const pending = runCli([...CREATE, ...REMOTE], {
            env: viaProxy(proxy.port),
            clock: new FakeClock({ auto: false }),
            signal: controller.signal,
          });
          await eventually(() => proxy.connects() >= 1, 'the CONNECT to reach the proxy');
          controller.abort('SIGTERM');
          return await pending;
        } finally {
          await proxy.close();
        }
      },
      code: 143,
      stderr: /^error: interrupted by SIGTERM; nothing was sent$/m,
    },
    {
      name: 'a server that accepts and never answers (--request-timeout 3: about 55 s before)',
      run: async () => {
        const clock = new FakeClock();
        const started = clock.now();
        const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
        let ended = false;
        const pending = runCli([...CREATE, '--request-timeout', '3', '--endpoint', endpoint], { env: NET_ENV, clock }).finally(
          () => (ended = true),
        );
        for (let seen = silentRequests; ; seen = silentRequests) {
          await eventually(() => ended || silentRequests > seen, 'the next request, or the end of the run');
          if (ended) break;
          clock.advance(3000);
        }
        const result = await pending;
        assert.ok(clock.now() - started <= 19_000, `the bound the README states: ${clock.now() - started} ms`);
        return result;
      },
      code: 6,
      stderr: /^error: CreateListener: no answer before the request timeout$/m,
    },
    {
      name: 'a terminal of 0 columns (the spinner cleared lines for ever, the id never printed)',
      run: () => runAgainst(emulator, CREATE, { tty: { stderr: true }, columns: 0, env: { NO_COLOR: '1' } }),
      code: 0,
      stdout: /^lbl-[a-z0-9]{8}\n$/,
      stderr: /^✔ Created 1 TCP listener/m,
    },
    {
      name: 'a hang-up while a question is open (Node crashed)',
      run: async () => {
        const term = fakeTerminal();
        const ctx = terminalContext(term, { env: { TENCENTCLOUD_REGION: 'ap-guangzhou', NO_COLOR: '1' } });
        const code = main(['create', '-i', '--endpoint', 'http://127.0.0.1:9'], ctx);
        await term.waitFor('? Load balancer id');
        term.stdin.end();
        return { code: await code, stdout: '', stderr: term.err() };
      },
      code: 129,
      stderr: /^error: the terminal hung up; cancelled, nothing sent$/m,
    },
  ];

  for (const edge of edges) {
    test(edge.name, async () => {
      const result = await edge.run();
      const context = `exit ${result.code}\nstderr: ${JSON.stringify(result.stderr.slice(0, 600))}`;
      assert.equal(result.code, edge.code, context);
      assert.match(result.stderr, edge.stderr, context);
      if (edge.stdout) assert.match(result.stdout, edge.stdout, context);
      assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, `no stack trace: ${context}`);
      assert.doesNotMatch(result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, `no raw control character: ${context}`);
      assert.ok(!result.stderr.includes(SECRET_KEY) && !result.stdout.includes(SECRET_KEY), 'the secret key never appears');
    });
  }
});
