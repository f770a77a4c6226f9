/**
 * File access for credential files: reads that treat "absent" as a normal answer, the check that
 * a secret file is private, and writes that never leave a half-written or world-readable file.
 */
import { removeStaleTempFiles } from '../core/stale-temp.js';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { shellQuote } from '../core/shell-quote.js';
import { CredentialsError } from '../core/errors.js';
import { message, type Message } from '../core/i18n.js';
import { CONFIG_WARNINGS } from './warnings.messages.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

const UNREADABLE: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a directory' };

/**
 * The file's text, or undefined when it does not exist. A file that exists but cannot be read is
 * a credentials problem the person must fix (exit 3), named with its path, never a crash.
 */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CredentialsError(message(PROFILE_PROBLEMS.cannotRead, { path, reason: UNREADABLE[code] ?? code }), {
      hint:
        code === 'EISDIR'
          ? message(PROFILE_PROBLEMS.removeOrRename, { path })
          : message(PROFILE_PROBLEMS.checkFileMode, { quoted: shellQuote(path) }),
    });
  }
}

/**
 * A warning when a file holding secrets can be read by group or others, naming the exact command
 * that fixes it. POSIX permission bits mean nothing on Windows, so nothing is said there.
 */
export function permissionWarning(path: string, platform: NodeJS.Platform = process.platform): Message | undefined {
  if (platform === 'win32') return undefined;
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  const quoted = shellQuote(path);
  return message(CONFIG_WARNINGS.looseMode, { path, mode: (mode & 0o777).toString(8), quoted });
}

/** Creates the directory (and parents) private to the user; an existing directory is left as it is. */
export function ensurePrivateDir(dir: string): void {
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // mkdir's mode passes through the umask; say it explicitly for the directory we made.
  if (created !== undefined) chmodSync(dir, PRIVATE_DIR);
}

/**
 * Writes `text` to `path` with mode 0600: a temporary file in the same directory (so the rename
 * cannot cross file systems), flushed, then renamed over the target. A reader sees the old file
 * or the new one, never a torn one, and the secret is never on disk with looser permissions.
 * A symlinked target (dotfile managers) is followed, so the link survives.
 */
export function writePrivateFileAtomic(path: string, text: string): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  removeStaleTempFiles(dirname(target), basename(target));
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`,
  );
  const fd = openSync(temp, 'wx', PRIVATE_FILE);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, PRIVATE_FILE);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never created; nothing to clean up
    }
    throw error;
  }
}
