/**
 * The official peer: tencentcloud-sdk-nodejs-common's CommonClient doing the same create and
 * DescribeTaskStatus polls as the CLI. The client names the production host, as a user's code
 * would, and an agent pins every socket to the emulator on loopback (nothing can leave the
 * machine). Used by the benchmark, never shipped.
 *
 *   node dist/bench/sdk-client.js <endpoint> <load-balancer-id> <port>
 * Credentials and region come from TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _REGION.
 */
import http from 'node:http';
import net from 'node:net';
import tencentcloud from 'tencentcloud-sdk-nodejs-common';

const [endpoint, loadBalancerId, port] = process.argv.slice(2);
const { TENCENTCLOUD_SECRET_ID: secretId = '', TENCENTCLOUD_SECRET_KEY: secretKey = '', TENCENTCLOUD_REGION: region = '' } = process.env;
if (!endpoint || !loadBalancerId || !port) {
  process.stderr.write('usage: sdk-client <endpoint> <load-balancer-id> <port>\n');
  process.exit(2);
}
const emulatorPort = Number(new URL(endpoint).port);

class LoopbackAgent extends http.Agent {
  override createConnection(): net.Socket {
    return net.connect({ host: '127.0.0.1', port: emulatorPort });
  }
}
const agent = new LoopbackAgent({ keepAlive: true, maxSockets: 1 });

const client = new tencentcloud.CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
  credential: { secretId, secretKey },
  region,
  profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 30 } },
});

const created = (await client.request('CreateListener', { LoadBalancerId: loadBalancerId, Ports: [Number(port)], Protocol: 'TCP' })) as {
  ListenerIds: string[];
  RequestId: string;
};
for (let delay = 250; ; delay = Math.min(3000, Math.round(delay * 1.6))) {
  const task = (await client.request('DescribeTaskStatus', { TaskId: created.RequestId })) as { Status: number; Message?: string };
  if (task.Status === 0) break;
  if (task.Status === 1) throw new Error(`task failed: ${String(task.Message)}`);
  await new Promise((resolve) => setTimeout(resolve, delay));
}
process.stdout.write(`${created.ListenerIds.join('\n')}\n`);
agent.destroy();
