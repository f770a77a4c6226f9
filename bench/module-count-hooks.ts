/** The hook bench/module-count.ts registers: runs on the loader's thread, for every module loaded. */
import { appendFileSync } from 'node:fs';

type NextLoad = (url: string, context: object) => Promise<unknown>;

export async function load(url: string, context: object, nextLoad: NextLoad): Promise<unknown> {
  const out = process.env.CLB_BENCH_MODULES;
  if (out && url.startsWith('file:')) appendFileSync(out, `${url}\n`);
  return nextLoad(url, context);
}
