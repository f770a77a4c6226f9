/**
 * Reads files named on the command line (or stdin for "-"), relative to the working directory.
 * Only regular files are read: a FIFO, a device (/dev/zero), a socket or a directory is refused
 * before a byte is read, so nothing can block or stream forever. Every read is bounded by
 * MAX_INPUT_BYTES, and an interrupt (Ctrl-C, SIGTERM, SIGHUP) ends it at once.
 */
import { constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InterruptedError, UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { ERRORS } from '../core/errors.messages.js';
import type { CliContext } from '../core/context.js';
import { MAX_INPUT_BYTES } from '../model/limits.js';
import { decodeUtf8 } from '../core/utf8.js';

export interface ReadLimit {
  maxBytes: number;
  tooLarge: () => Error;
  /** How the input is named when its bytes are not UTF-8 (default `stdin`), and the flag it came from. */
  what?: string;
  flag?: string;
}

/** Input bytes as text; bytes that are not UTF-8 are refused with where they are, never replaced. */
function textOrThrow(bytes: Buffer, what: string, flag: string | undefined): string {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  throw new UsageError(`${what}: ${decoded.problem}`, flag, {
    hint: 'give the input as UTF-8 (iconv -f <its encoding> -t UTF-8 converts it); nothing was sent',
  });
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

export function tooLargeError(what: string, flag: string | undefined, maxBytes = MAX_INPUT_BYTES): UsageError {
  return new UsageError(`${what} is larger than ${sizeText(maxBytes)}, the most this tool reads from one input`, flag);
}

/**
 * All of a stream as UTF-8, stopping as soon as `limit` is passed and at once when `signal` is
 * aborted (the stream is then destroyed, so a pipe that never ends cannot keep the process alive).
 */
export function readStream(stream: NodeJS.ReadableStream, limit?: ReadLimit, signal?: AbortSignal): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const abandon = (): void => {
      stop();
      const destroyable = stream as NodeJS.ReadableStream & { destroy?: () => void };
      if (typeof destroyable.destroy === 'function') destroyable.destroy();
      else stream.pause();
    };
    const onData = (chunk: string | Buffer): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (limit && size > limit.maxBytes) {
        abandon();
        reject(limit.tooLarge());
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => {
      stop();
      try {
        resolvePromise(textOrThrow(Buffer.concat(chunks), limit?.what ?? 'stdin', limit?.flag));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (error: Error): void => {
      stop();
      reject(new UsageError(`cannot read stdin (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    };
    const onAbort = (): void => {
      abandon();
      reject(InterruptedError.beforeSending(message(ERRORS.interruptedReadingStdin)));
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), which could block forever';
  if (stats.isCharacterDevice()) return 'is a device, which could stream forever';
  if (stats.isBlockDevice()) return 'is a block device';
  if (stats.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

const OPEN_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  ENXIO: 'is a socket or device with nothing behind it',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * A regular file's text, read without ever blocking: opened non-blocking (opening a FIFO otherwise
 * waits for a writer, in a thread no signal can reach), checked on the open descriptor (so a file
 * swapped for a FIFO after a check is still caught), and read to at most `maxBytes`.
 */
export async function readRegularFile(
  path: string,
  flag: string,
  options: { cwd: string; signal?: AbortSignal; maxBytes?: number },
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const refuse = (reason: string) =>
    new UsageError(`${flag} ${path}: cannot read the file (${reason})`, flag, {
      ...(reason.includes('FIFO') || reason.includes('device') ? { hint: 'give a regular file, or "-" to read stdin' } : {}),
    });
  let handle: FileHandle;
  try {
    // node:fs/promises (and the parts of Node it loads) only when a file is read.
    const { open } = process.getBuiltinModule('node:fs/promises');
    handle = await open(resolve(options.cwd, path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw refuse(OPEN_REASONS[code] || code || (error as Error).message);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw refuse(kindOf(stats));
    if (stats.size > maxBytes) throw tooLargeError(`${flag} ${path}`, flag, maxBytes);
    // Read to the end rather than trust the size: /proc files say 0 and still have content.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      if (options.signal?.aborted) throw InterruptedError.beforeSending(message(ERRORS.interruptedReading, { path }));
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLargeError(`${flag} ${path}`, flag, maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return textOrThrow(Buffer.concat(chunks), `${flag} ${path}`, flag);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InterruptedError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw refuse(OPEN_REASONS[code] || code || (error as Error).message);
  } finally {
    await handle.close();
  }
}

/**
 * Reads the inputs of one run. `beforeFirstRead` runs once, before any input is read: commands
 * register the credential files' secrets there, so a key file given as input is never printed.
 */
export function inputReader(ctx: CliContext, beforeFirstRead?: () => void): (path: string, flag: string) => Promise<string> {
  let stdinUsed = false;
  let first = true;
  return async (path, flag) => {
    if (first) {
      first = false;
      beforeFirstRead?.();
    }
    if (path === '-') {
      if (stdinUsed) throw new UsageError(`${flag}: stdin ("-") was already read by another option`, flag);
      if (ctx.stdin.isTTY) throw new UsageError(`${flag} -: stdin is a terminal; pipe the content in or give a file path`, flag);
      stdinUsed = true;
      return readStream(
        ctx.stdin,
        { maxBytes: MAX_INPUT_BYTES, tooLarge: () => tooLargeError(`${flag} stdin`, flag), what: `${flag} stdin`, flag },
        ctx.signal,
      );
    }
    if (path.trim() === '') throw new UsageError(`${flag}: the file name is empty`, flag);
    return readRegularFile(path, flag, { cwd: ctx.cwd, signal: ctx.signal });
  };
}
