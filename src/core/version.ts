/** Read once from package.json so the version has one source; the bundle has it fixed at build time. */
import { readFileSync } from 'node:fs';

/** Replaced by its value when the CLI is bundled (see scripts/bundle.js). */
declare const CLB_LISTENER_VERSION: string | undefined;

function readVersion(): string {
  const packageJson = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

export const VERSION: string = typeof CLB_LISTENER_VERSION === 'string' ? CLB_LISTENER_VERSION : readVersion();
