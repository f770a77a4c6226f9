// A PEM private key typed, pasted or read into a field that is not CertKey — through every input
// path, with and without --no-validate, as text and as -o json — is refused, and not one piece of
// it is printed: not the whole key, and not the start of it quoted back in a message or a hint.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';
import { run } from './helpers/run.js';
import { PRIVATE_KEY_REDACTED, scrubPrivateKeys } from '../src/core/secrets.js';
import { printableLine } from '../src/core/printable.js';
import { redact } from '../src/core/errors.js';

const KEY_PATH = join(REPO_ROOT, 'test', 'fixtures', 'server.key');
const CERT_PATH = join(REPO_ROOT, 'test', 'fixtures', 'server.crt');
const KEY = readFileSync(KEY_PATH, 'utf8');
/** The key's base64 body in 16-character pieces: none may appear anywhere. */
const PIECES = KEY.split('\n')
  .filter((line) => !line.startsWith('-----'))
  .join('')
  .match(/.{16}/g)!;
const LB = 'lb-cuxw2rm0';
const DIR = mkdtempSync(join(tmpdir(), 'clb-misplaced-'));
const HOME = mkdtempSync(join(tmpdir(), 'clb-misplaced-home-'));
const ENV = { HOME, TENCENTCLOUD_REGION: 'ap-guangzhou' };

after(() => {
  rmSync(DIR, { recursive: true, force: true });
  rmSync(HOME, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const body = (extra: Record<string, unknown>) => JSON.stringify({ LoadBalancerId: LB, Ports: [80], Protocol: 'TCP', ...extra });
const yamlBlock = (indent: number) => `|\n${KEY.trimEnd().replace(/^/gm, ' '.repeat(indent))}\n`;

/** The start of a create command line, for the cases that add one field to it. */
const TCP_80 = ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP'];
const HTTPS_443 = ['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS'];

/** [what, argv, stdin]: each puts the key where no key belongs. */
const CASES: [string, string[], string?][] = [
  ['--name', [...TCP_80, '--name', KEY]],
  ['--port', ['create', '--lb', LB, '--protocol', 'TCP', '--port', KEY]],
  ['--protocol', ['create', '--lb', LB, '--port', '80', '--protocol', KEY]],
  ['--lb', ['create', '--port', '80', '--protocol', 'TCP', '--lb', KEY]],
  ['--scheduler', [...TCP_80, '--scheduler', KEY]],
  ['--max-conn', [...TCP_80, '--max-conn', KEY]],
  ['--snat-enable', [...TCP_80, `--snat-enable=${KEY}`]],
  ['--health-check file:// value', [...TCP_80, '--health-check', `HttpCheckDomain=file://${KEY_PATH}`]],
  ['--health-check JSON', [...TCP_80, '--health-check', JSON.stringify({ TimeOut: KEY })]],
  [
    '--certificate CertCaContent',
    [...HTTPS_443, '--certificate', `CertId=abc,SSLMode=MUTUAL,CertCaName=ca,CertCaContent=file://${KEY_PATH}`],
  ],
  ['--certificate swapped', [...HTTPS_443, '--certificate', `CertName=x,CertContent=file://${KEY_PATH},CertKey=file://${CERT_PATH}`]],
  ['--ca-file', [...HTTPS_443, '--cert-id', 'abc', '--ca-file', KEY_PATH]],
  [
    '--multi-cert-info',
    [
      ...HTTPS_443,
      '--multi-cert-info',
      JSON.stringify({
        SSLMode: 'UNIDIRECTIONAL',
        CertList: [{ CertName: 'x', CertContent: `file://${KEY_PATH}`, CertKey: `file://${KEY_PATH}` }],
      }),
    ],
  ],
  ['--from-file ListenerNames', ['create', '--from-file', file('names.json', body({ ListenerNames: [KEY] }))]],
  ['--from-file Ports', ['create', '--from-file', file('ports.json', body({ Ports: [KEY] }))]],
  ['--from-file Protocol', ['create', '--from-file', file('protocol.json', body({ Protocol: KEY }))]],
  ['--from-file an unknown field', ['create', '--from-file', file('unknown.json', body({ Comment: KEY }))]],
  [
    '--from-file HealthCheck',
    ['create', '--from-file', file('health.json', body({ HealthCheck: { HttpCheckPath: KEY, SendContext: KEY } }))],
  ],
  [
    '--from-file YAML',
    ['create', '--from-file', file('names.yaml', `LoadBalancerId: ${LB}\nPorts: [80]\nProtocol: TCP\nListenerNames:\n  - ${yamlBlock(4)}`)],
  ],
  ['--from-file - (stdin)', ['create', '--from-file', '-'], body({ ListenerNames: [KEY], Scheduler: KEY })],
  [
    'apply: ListenerName',
    [
      'apply',
      '-f',
      file('apply-name.yaml', `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 80\n    Protocol: TCP\n    ListenerName: ${yamlBlock(6)}`),
      '--plan',
    ],
  ],
  [
    'apply: CertCaContent',
    [
      'apply',
      '-f',
      file(
        'apply-ca.yaml',
        `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 443\n    Protocol: HTTPS\n    Certificate:\n      CertId: abc\n      CertCaContent: ${yamlBlock(8)}`,
      ),
      '--plan',
    ],
  ],
  [
    'apply: HealthCheck file://',
    [
      'apply',
      '-f',
      file(
        'apply-health.yaml',
        `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 80\n    Protocol: TCP\n    HealthCheck: {HttpCheckDomain: "file://${KEY_PATH}"}\n`,
      ),
      '--plan',
    ],
  ],
];

describe('a private key in the wrong place is refused, and none of it is printed', () => {
  for (const [what, argv, stdin] of CASES) {
    test(what, async () => {
      for (const extra of [
        ['--dry-run'],
        ['--dry-run', '--no-validate'],
        ['--dry-run', '-o', 'json'],
        ['--dry-run', '--no-validate', '--debug'],
      ]) {
        // apply --plan takes no --dry-run; it refuses the file before any request.
        const flags = argv[0] === 'apply' ? extra.filter((f) => f !== '--dry-run') : extra;
        const result = await run([...argv, ...flags], { env: ENV, cwd: DIR, ...(stdin !== undefined ? { stdin } : {}) });
        const printed = result.stdout + result.stderr;
        const context = `${what} ${flags.join(' ')}: exit ${result.code}\n${printed.slice(0, 400)}`;
        assert.equal(result.code, 2, context);
        assert.doesNotMatch(printed, /BEGIN [A-Z ]*PRIVATE KEY/, context);
        const seen = PIECES.filter((piece) => printed.includes(piece));
        assert.deepEqual(seen, [], context);
      }
    });
  }
});

describe('the last line of defence: private-key text is scrubbed from whatever is printed', () => {
  const start = KEY.slice(0, 60);
  test('a whole key, a key cut short in a quoted value, a key inside JSON', () => {
    assert.equal(scrubPrivateKeys(`x ${KEY} y`), `x ${PRIVATE_KEY_REDACTED}\n y`);
    assert.equal(scrubPrivateKeys(`got "${start}..." (a control character)`), `got "${PRIVATE_KEY_REDACTED}" (a control character)`);
    const json = JSON.stringify({ Message: `got "${start}", more`, Hint: 'h' });
    const scrubbed = scrubPrivateKeys(json);
    assert.deepEqual(JSON.parse(scrubbed), { Message: `got "${PRIVATE_KEY_REDACTED}", more`, Hint: 'h' }, 'still valid JSON');
  });

  test('every printed line passes through it: errors, the wire log, warnings', () => {
    assert.ok(!printableLine(`warning: "${start}…(1634 more characters)…END PRIVATE KEY-----"`).includes('MII'));
    assert.ok(!redact(`error: ${start}`, []).includes('MII'));
    assert.equal(
      printableLine('give the PEM private key (-----BEGIN … PRIVATE KEY-----)'),
      'give the PEM private key (-----BEGIN … PRIVATE KEY-----)',
    );
  });
});

describe('a user name and password in an endpoint are refused, and the password is never shown', () => {
  const PASSWORD = 'Pa55wordInTheUrl';
  const endpoints = [
    `https://user:${PASSWORD}@clb.example.invalid`,
    `user:${PASSWORD}@clb.example.invalid`,
    `http://user:${PASSWORD}@127.0.0.1:9`,
    `https://user:${PASSWORD}@clb.example.invalid/path`,
    `https://user:${PASSWORD}@clb exa mple`,
  ];
  test('--endpoint, configure set endpoint, whoami, with and without -o json', async () => {
    for (const endpoint of endpoints) {
      const runs = [
        ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--dry-run', '--endpoint', endpoint],
        ['whoami', '--endpoint', endpoint],
        ['whoami', '--endpoint', endpoint, '-o', 'json'],
        ['configure', 'set', 'endpoint', endpoint, '--profile', 'url-with-password'],
        ['configure', 'set', 'sts.endpoint', endpoint, '--profile', 'url-with-password'],
      ];
      for (const argv of runs) {
        // whoami shows its report, then says the endpoint is wrong.
        const keys = { TENCENTCLOUD_SECRET_ID: 'AKIDwhoamiendpointtest0000000000001', TENCENTCLOUD_SECRET_KEY: 'whoami-endpoint-test-key' };
        const result = await run(argv, { env: { ...ENV, ...keys }, cwd: DIR });
        const context = `${argv.join(' ')}: exit ${result.code}\n${result.stdout}${result.stderr}`;
        assert.equal(result.code, 2, context);
        assert.ok(!(result.stdout + result.stderr).includes(PASSWORD), context);
      }
    }
  });
});
