/**
 * A worker thread that runs `clb-listener configure set KEY VALUE` in-process on request, so a
 * test can run several at truly the same time (each thread its own event loop) without spawning.
 */
import { parentPort } from 'node:worker_threads';
import { run } from './run.js';

export interface SetRequest {
  home: string;
  key: string;
  value: string;
  stdin?: string;
}

parentPort!.on('message', async (request: SetRequest) => {
  const result = await run(['configure', 'set', request.key, request.value], {
    env: { HOME: request.home, PATH: process.env.PATH },
    ...(request.stdin !== undefined ? { stdin: request.stdin } : {}),
  });
  parentPort!.postMessage(result);
});
