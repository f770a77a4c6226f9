/**
 * Tests never reach past this machine, not even with a DNS question. Without credentials the CLI
 * asks the CVM metadata service (metadata.tencentyun.com) for a role; a run whose environment
 * does not name CLB_LISTENER_METADATA_URL gets NO_METADATA_URL instead, so that probe is refused
 * on loopback at once. A test about the metadata service names its own URL.
 */
import { ENV } from '../../src/core/env-names.js';

/** Port 9 (discard) on loopback: nothing listens, so a metadata probe is refused at once and never leaves the machine. */
export const NO_METADATA_URL = 'http://127.0.0.1:9/latest/meta-data';

/** `env` as given, plus NO_METADATA_URL unless it names a metadata URL (or unsets one) itself. */
export function offline<T extends Record<string, string | undefined>>(env: T): T {
  return ENV.metadataUrl in env ? env : { ...env, [ENV.metadataUrl]: NO_METADATA_URL };
}
