/**
 * The official peer: tencentcloud-sdk-nodejs-common's CommonClient doing the same create and
 * DescribeTaskStatus polls as the CLI, pointed at the emulator's endpoint as printed (the emulator
 * accepts the signing service the SDK derives from an IP host). Used by the benchmark, never
 * shipped.
 *
 *   node dist/bench/sdk-client.js <endpoint> <load-balancer-id> <port>
 * Credentials and region come from TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _REGION.
 */
import tencentcloud from 'tencentcloud-sdk-nodejs-common';

const [endpoint, loadBalancerId, port] = process.argv.slice(2);
const { TENCENTCLOUD_SECRET_ID: secretId = '', TENCENTCLOUD_SECRET_KEY: secretKey = '', TENCENTCLOUD_REGION: region = '' } = process.env;
if (!endpoint || !loadBalancerId || !port) {
  process.stderr.write('usage: sdk-client <endpoint> <load-balancer-id> <port>\n');
  process.exit(2);
}
const url = new URL(endpoint);

const client = new tencentcloud.CommonClient(url.host, '2018-03-17', {
  credential: { secretId, secretKey },
  region,
  profile: { httpProfile: { protocol: `${url.protocol}//`, reqTimeout: 30 } },
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
