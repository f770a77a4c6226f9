// The official Node SDK (tencentcloud-sdk-nodejs-common) pointed at an in-process emulator: every
// socket goes to the emulator on loopback, whatever host the SDK names.
import http from 'node:http';
import net from 'node:net';
import tencentcloud from 'tencentcloud-sdk-nodejs-common';
import type { InProcessEmulator } from './emulator.js';

/** Runs `use` with a CLB client of the official SDK talking to `emu`, and closes its sockets after. */
export async function withOfficialSdk<T>(
  emu: InProcessEmulator,
  use: (sdk: InstanceType<typeof tencentcloud.CommonClient>) => Promise<T>,
): Promise<T> {
  const port = Number(new URL(emu.endpoint).port);
  const agent = new (class extends http.Agent {
    override createConnection(): net.Socket {
      return net.connect({ host: '127.0.0.1', port });
    }
  })({ keepAlive: false });
  try {
    const sdk = new tencentcloud.CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
      credential: { secretId: emu.secretId, secretKey: emu.secretKey },
      region: emu.region,
      profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 10 } },
    });
    return await use(sdk);
  } finally {
    agent.destroy();
  }
}
