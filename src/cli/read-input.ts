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
import { message, say, type Param, type Text } from '../core/i18n.js';
import { READING } from './read-input.messages.js';
import { UTF8 } from '../core/utf8.messages.js';
import { ERRORS } from '../core/errors.messages.js';
import type { CliContext } from '../core/context.js';
import { MAX_INPUT_BYTES } from '../model/limits.js';
import { decodeUtf8 } from '../core/utf8.js';

export interface ReadLimit {
  maxBytes: number;
  tooLarge: () => Error;
  /** How the input is named when its bytes are not UTF-8 (default `stdin`), and the flag it came from. */
  what?: Param;
  flag?: string;
}

/** Input bytes as text; bytes that are not UTF-8 are refused with where they are, never replaced. */
function textOrThrow(bytes: Buffer, what: Param, flag: string | undefined): string {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  throw new UsageError(message(UTF8.notUtf8, { what, offset: decoded.offset }), flag, {
    hint: message(UTF8.giveUtf8),
  });
}

export function tooLargeError(what: Param, flag: string | undefined, maxBytes = MAX_INPUT_BYTES): UsageError {
  const said =
    maxBytes >= 1024 * 1024
      ? message(READING.tooLargeMiB, { what, size: maxBytes / (1024 * 1024) })
      : message(READING.tooLargeBytes, { what, size: maxBytes });
  return new UsageError(said, flag);
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
      reject(new UsageError(message(READING.cannotReadStdin, { reason: (error as NodeJS.ErrnoException).code ?? error.message })));
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
function kindOf(stats: Stats): Text {
  if (stats.isDirectory()) return READING.isDirectory;
  if (stats.isFIFO()) return READING.isFifo;
  if (stats.isCharacterDevice()) return READING.isDevice;
  if (stats.isBlockDevice()) return READING.isBlockDevice;
  if (stats.isSocket()) return READING.isSocket;
  return READING.notRegular;
}

const OPEN_REASONS: Record<string, Text> = {
  ENOENT: READING.noSuchFile,
  ENOTDIR: READING.noSuchFile,
  EACCES: READING.permissionDenied,
  EPERM: READING.permissionDenied,
  EISDIR: READING.isDirectory,
  ELOOP: READING.tooManyLinks,
  ENXIO: READING.nothingBehind,
  ENAMETOOLONG: READING.nameTooLong,
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
  const refuse = (reason: Param) =>
    new UsageError(message(READING.cannotReadFile, { flag, path, reason }), flag, {
      ...(reason === READING.isFifo || reason === READING.isDevice ? { hint: message(READING.giveRegularFile) } : {}),
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
      if (stdinUsed) throw new UsageError(message(READING.stdinAlreadyRead, { flag }), flag);
      if (ctx.stdin.isTTY) throw new UsageError(message(READING.stdinIsTerminal, { flag }), flag);
      stdinUsed = true;
      return readStream(
        ctx.stdin,
        { maxBytes: MAX_INPUT_BYTES, tooLarge: () => tooLargeError(stdinOf(flag), flag), what: stdinOf(flag), flag },
        ctx.signal,
      );
    }
    if (path.trim() === '') throw new UsageError(message(READING.emptyFileName, { flag }), flag);
    return readRegularFile(path, flag, { cwd: ctx.cwd, signal: ctx.signal });
  };
}

/** `--from-file stdin` in both languages: the name of a flag's input read from stdin. */
function stdinOf(flag: string): Text {
  return { en: say('en', READING.stdinOf, { flag }), zh: say('zh', READING.stdinOf, { flag }) };
}
