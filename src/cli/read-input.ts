/** Reads files named on the command line (or stdin for "-"), relative to the working directory. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { CliContext } from '../core/context.js';

/** All of a stream as UTF-8; with a limit, `tooLarge()` is thrown as soon as it is passed. */
export async function readStream(stream: NodeJS.ReadableStream, limit?: { maxBytes: number; tooLarge: () => Error }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (limit && size > limit.maxBytes) throw limit.tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function inputReader(ctx: CliContext): (path: string, flag: string) => Promise<string> {
  let stdinUsed = false;
  return async (path, flag) => {
    if (path === '-') {
      if (stdinUsed) throw new UsageError(`${flag}: stdin ("-") was already read by another option`, flag);
      if (ctx.stdin.isTTY) throw new UsageError(`${flag} -: stdin is a terminal; pipe the content in or give a file path`, flag);
      stdinUsed = true;
      return readStream(ctx.stdin);
    }
    try {
      return await readFile(resolve(ctx.cwd, path), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'is a directory'
              : (error as Error).message;
      throw new UsageError(`${flag} ${path}: cannot read the file (${reason})`, flag);
    }
  };
}
