/**
 * What a run under test may see of the machine: nothing of the person running the suite. Every
 * helper that builds an environment (in-process runs, fake terminals, spawned binaries) passes it
 * through `hermetic()`: a HOME of its own (an empty temporary directory, unless the test gives one),
 * so a developer's ~/.tccli profile or ~/.tencentcloud/credentials never decides a test, and the
 * loopback metadata URL of `offline()`. In-process runs also read NO_SYSTEM_CREDENTIALS instead of
 * /etc/tencentcloud/credentials. Nothing else of process.env is copied in, so no
 * TENCENTCLOUD_* or TCCLI_* variable of the developer's shell reaches a run either.
 *
 * scripts/run-tests.js runs the suite as such a user: its test processes get a HOME with a tccli
 * profile and an SDK credentials file, and TENCENTCLOUD_* set (see `LIVED_IN` there). A helper that
 * let any of it through would fail the suite on every run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offline } from './offline.js';

/** A temporary HOME, so no profile of the machine's user leaks into a test. */
export const EMPTY_HOME = mkdtempSync(join(tmpdir(), 'clb-home-'));

/**
 * What an in-process run reads instead of /etc/tencentcloud/credentials (CliContext
 * `systemCredentialsFile`): a path that does not exist, so a machine that has that file (a CVM
 * set up for the SDKs) runs the suite like any other.
 */
export const NO_SYSTEM_CREDENTIALS = join(EMPTY_HOME, 'no-such-etc', 'credentials');

/**
 * `env` as given, plus HOME (the empty one) unless it names HOME itself, plus the loopback
 * metadata URL unless it names one.
 */
export function hermetic<T extends Record<string, string | undefined>>(env: T): T & { HOME?: string } {
  return offline('HOME' in env ? env : { ...env, HOME: EMPTY_HOME });
}
