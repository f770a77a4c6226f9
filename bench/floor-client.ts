/**
 * The practical floor: the least a Node program can do to create a listener and see its task
 * finish — node:http with one keep-alive connection, the project's signer, no validation, no
 * framework. Used by the benchmark as a peer, never shipped.
 *
 *   node dist/bench/floor-client.js <endpoint> <load-balancer-id> <port>
 * Credentials and region come from TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _REGION.
 */
import { sign } from '../src/api/signer.js';
import { API_VERSION, SERVICE } from '../src/api/constants.js';

const [endpoint, loadBalancerId, port] = process.argv.slice(2);
const { TENCENTCLOUD_SECRET_ID: secretId = '', TENCENTCLOUD_SECRET_KEY: secretKey = '', TENCENTCLOUD_REGION: region = '' } = process.env;
if (!endpoint || !loadBalancerId || !port) {
  process.stderr.write('usage: floor-client <endpoint> <load-balancer-id> <port>\n');
  process.exit(2);
}
const url = new URL(endpoint);
// Not `import … from 'node:http'`: on Node 24 the ES module view of node:http reads every export,
// and its WebSocket ones load Node's built-in fetch (about 50 ms), which a floor has no need of.
const http = process.getBuiltinModule('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(action: string, params: object): Promise<Record<string, unknown>> {
  const body = JSON.stringify(params);
  const timestampSeconds = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    Host: url.host,
    'Content-Type': 'application/json',
    'X-TC-Action': action,
    'X-TC-Version': API_VERSION,
    'X-TC-Timestamp': String(timestampSeconds),
    'X-TC-Region': region,
  };
  headers.Authorization = sign({
    method: 'POST',
    headers,
    payload: body,
    secretId,
    secretKey,
    service: SERVICE,
    timestampSeconds,
  }).authorization;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const reply = (JSON.parse(text) as { Response: Record<string, unknown> & { Error?: { Code: string; Message: string } } }).Response;
        if (reply.Error) reject(new Error(`${action}: ${reply.Error.Code}: ${reply.Error.Message}`));
        else resolve(reply);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

const created = await call('CreateListener', { LoadBalancerId: loadBalancerId, Ports: [Number(port)], Protocol: 'TCP' });
for (let delay = 250; ; delay = Math.min(3000, Math.round(delay * 1.6))) {
  const task = await call('DescribeTaskStatus', { TaskId: created.RequestId });
  if (task.Status === 0) break;
  if (task.Status === 1) throw new Error(`task failed: ${String(task.Message)}`);
  await new Promise((resolve) => setTimeout(resolve, delay));
}
process.stdout.write(`${(created.ListenerIds as string[]).join('\n')}\n`);
agent.destroy();
