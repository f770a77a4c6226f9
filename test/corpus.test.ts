// The real-world corpus (test/fixtures/corpus/): request bodies from public sources (the API page's
// six examples, which tccli ships too, and the CreateListener requests Terraform's provider builds
// for its acceptance tests and documentation). Each must pass `create --from-file … --dry-run`
// unchanged, and be accepted by the emulator through the official Node SDK.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import tencentcloud from 'tencentcloud-sdk-nodejs-common';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { run as runMain } from './helpers/run.js';

const CORPUS = join(REPO_ROOT, 'test', 'fixtures', 'corpus');
const FILES = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const body = (name: string) => parse(readFileSync(join(CORPUS, name), 'utf8')) as Record<string, unknown>;
const HOME = mkdtempSync(join(tmpdir(), 'clb-corpus-'));

/** Connects every SDK request to the emulator on loopback, whatever host it names. */
class LoopbackAgent extends http.Agent {
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }
  override createConnection(): net.Socket {
    return net.connect({ host: '127.0.0.1', port: this.port });
  }
}

test('the corpus holds the API page examples and Terraform requests, each naming its source', () => {
  assert.ok(FILES.filter((f) => f.startsWith('api-example-')).length === 6, 'the six API page examples');
  assert.ok(FILES.filter((f) => f.startsWith('tf-')).length >= 15, 'Terraform requests');
  for (const name of FILES) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    assert.match(text, /^# Source: \S/, `${name} names its source on its first line`);
  }
});

describe('every corpus body passes create --from-file --dry-run, sent as written', () => {
  for (const name of FILES) {
    test(name, async () => {
      const run = await runMain(['create', '--from-file', join(CORPUS, name), '--dry-run', '-o', 'json'], {
        env: { HOME, TENCENTCLOUD_REGION: 'ap-guangzhou' },
        cwd: REPO_ROOT,
      });
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /^error:/m);
      const sent = (JSON.parse(run.stdout) as { Body: Record<string, unknown> }).Body;
      const expected = body(name);
      // The CLI upper-cases enum values (the page's example 6 sends "tcp") and redacts private keys.
      if (typeof expected.Protocol === 'string') expected.Protocol = expected.Protocol.toUpperCase();
      const certificate = expected.Certificate as Record<string, unknown> | undefined;
      if (certificate?.CertKey) certificate.CertKey = (sent.Certificate as Record<string, unknown>).CertKey;
      assert.deepEqual(sent, expected);
      if (certificate?.CertKey) assert.match(String(certificate.CertKey), /^<redacted: \d+ bytes>$/);
    });
  }
});

describe('every corpus body is accepted by the emulator through the official Node SDK', () => {
  let emu: InProcessEmulator;
  let agent: LoopbackAgent;
  const loadBalancers = [...new Set(FILES.map((name) => String(body(name).LoadBalancerId)))];
  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers });
    agent = new LoopbackAgent(Number(new URL(emu.endpoint).port));
  });
  after(async () => {
    agent.destroy();
    await emu.stop();
  });

  for (const name of FILES) {
    test(name, async () => {
      await emu.reset();
      const sdk = new tencentcloud.CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
        credential: { secretId: emu.secretId, secretKey: emu.secretKey },
        region: emu.region,
        profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 10 } },
      });
      const sent = body(name);
      const answer = (await sdk.request('CreateListener', sent)) as { ListenerIds: string[] };
      assert.equal(answer.ListenerIds.length, (sent.Ports as number[]).length, 'one listener per port');
    });
  }
});
