// Compatibility with the official SDK (tencentcloud-sdk-nodejs-common): its CommonClient, pointed
// at the production host name, signs exactly as it would for the real API; an http.Agent pins
// every socket to the emulator on loopback, so nothing can reach the real host.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import tencentcloud from 'tencentcloud-sdk-nodejs-common';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';

const { CommonClient } = tencentcloud;
const PRODUCTION_HOST = 'clb.tencentcloudapi.com';

/** Connects every request to 127.0.0.1:port whatever host it names, and records what it did. */
class LoopbackAgent extends http.Agent {
  /** The host:port each request asked for. */
  readonly requested: string[] = [];
  /** The address each socket actually connected to. */
  readonly connected: string[] = [];
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }
  override createConnection(options: http.ClientRequestArgs): net.Socket {
    this.requested.push(`${options.host}:${options.port}`);
    const socket = net.connect({ host: '127.0.0.1', port: this.port });
    socket.once('connect', () => this.connected.push(`${socket.remoteAddress}:${socket.remotePort}`));
    return socket;
  }
}

interface SdkError extends Error {
  code?: string;
  requestId?: string;
}

describe('official SDK against the emulator', () => {
  let emu: InProcessEmulator;
  let agent: LoopbackAgent;
  const client = (secretKey = emu.secretKey) =>
    new CommonClient(PRODUCTION_HOST, '2018-03-17', {
      credential: { secretId: emu.secretId, secretKey },
      region: emu.region,
      profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 10 } },
    });

  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 200, loadBalancers: ['lb-cuxw2rm0'] });
    agent = new LoopbackAgent(Number(new URL(emu.endpoint).port));
  });
  after(async () => {
    agent.destroy();
    await emu.stop();
  });

  test('CreateListener → DescribeTaskStatus → DescribeListeners', async () => {
    const sdk = client();
    const created = (await sdk.request('CreateListener', {
      LoadBalancerId: 'lb-cuxw2rm0',
      Ports: [7570, 7569],
      Protocol: 'TCP',
      ListenerNames: ['lis1', 'lis0'],
      HealthCheck: { HealthSwitch: 1, TimeOut: 5, IntervalTime: 7, HealthNum: 4, UnHealthNum: 4 },
    })) as { ListenerIds: string[]; RequestId: string };
    assert.equal(created.ListenerIds.length, 2, 'one ListenerId per port');

    let status: number | undefined;
    for (let i = 0; i < 50 && status !== 0; i++) {
      ({ Status: status } = (await sdk.request('DescribeTaskStatus', { TaskId: created.RequestId })) as { Status: number });
      // 100 ms pass on the emulator's clock (the SDK's own signing clock is real time; the skew stays tiny).
      if (status === 2) await emu.advance(100);
    }
    assert.equal(status, 0);

    const listed = (await sdk.request('DescribeListeners', { LoadBalancerId: 'lb-cuxw2rm0' })) as {
      TotalCount: number;
      Listeners: { ListenerId: string; Port: number; ListenerName: string }[];
    };
    assert.equal(listed.TotalCount, 2);
    assert.deepEqual(
      listed.Listeners.map((l) => [l.ListenerId, l.Port, l.ListenerName]),
      [
        [created.ListenerIds[0], 7570, 'lis1'],
        [created.ListenerIds[1], 7569, 'lis0'],
      ],
    );
  });

  test('an SNI HTTPS listener with two domains, each with its certificate: CreateRule, then DescribeListeners shows both rules', async () => {
    const sdk = client();
    const waitFor = async (taskId: string) => {
      let status: number | undefined;
      for (let i = 0; i < 50 && status !== 0; i++) {
        ({ Status: status } = (await sdk.request('DescribeTaskStatus', { TaskId: taskId })) as { Status: number });
        if (status === 2) await emu.advance(100);
      }
      assert.equal(status, 0);
    };
    const listener = (await sdk.request('CreateListener', {
      LoadBalancerId: 'lb-cuxw2rm0',
      Ports: [8443],
      Protocol: 'HTTPS',
      SniSwitch: 1,
    })) as { ListenerIds: string[]; RequestId: string };
    await waitFor(listener.RequestId);
    const [listenerId] = listener.ListenerIds;
    const rules = (await sdk.request('CreateRule', {
      LoadBalancerId: 'lb-cuxw2rm0',
      ListenerId: listenerId,
      Rules: [
        { Domain: 'www.example.com', Url: '/', Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'WwwCert1' }, DefaultServer: true },
        { Domain: 'api.example.com', Url: '/v1', Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'ApiCert1' }, Http2: true },
      ],
    })) as { LocationIds: string[]; RequestId: string };
    assert.equal(rules.LocationIds.length, 2);
    await waitFor(rules.RequestId);
    const listed = (await sdk.request('DescribeListeners', { LoadBalancerId: 'lb-cuxw2rm0', ListenerIds: [listenerId] })) as {
      Listeners: {
        Rules: {
          LocationId: string;
          Domain: string;
          Url: string;
          DefaultServer: boolean;
          Http2: boolean;
          Certificate: { CertId: string };
        }[];
      }[];
    };
    assert.deepEqual(
      listed.Listeners[0]!.Rules.map((r) => [r.LocationId, r.Domain, r.Url, r.Certificate.CertId, r.DefaultServer, r.Http2]),
      [
        [rules.LocationIds[0], 'www.example.com', '/', 'WwwCert1', true, false],
        [rules.LocationIds[1], 'api.example.com', '/v1', 'ApiCert1', false, true],
      ],
    );
  });

  test('a wrong key is refused with AuthFailure.SignatureFailure', async () => {
    await assert.rejects(client('not-the-key-not-the-key-not-the-k').request('DescribeLoadBalancers', {}), (error: SdkError) => {
      assert.equal(error.code, 'AuthFailure.SignatureFailure');
      assert.ok(error.requestId);
      return true;
    });
  });

  test('every socket went to loopback, though the SDK asked for the production host', async () => {
    assert.ok(agent.requested.length >= 4);
    assert.ok(
      agent.requested.every((target) => target === `${PRODUCTION_HOST}:80`),
      agent.requested.join(', '),
    );
    const emulatorAddress = `127.0.0.1:${new URL(emu.endpoint).port}`;
    assert.deepEqual(
      agent.connected,
      agent.requested.map(() => emulatorAddress),
      'each socket connected to the emulator and nowhere else',
    );
    assert.equal((await emu.state()).requests.length, agent.requested.length, 'the emulator saw every request the SDK sent');
  });
});
