// Reading what the command line names: only regular files, bounded, and an interrupt ends any
// read at once, saying nothing was sent. In-process, with streams the test controls.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../src/cli/main.js';
import { readRegularFile, readStream } from '../src/cli/read-input.js';
import { InterruptedError, UsageError } from '../src/core/errors.js';
import { MAX_INPUT_BYTES } from '../src/model/limits.js';
import { EMPTY_HOME, testContext } from './helpers/run.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'clb-read-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('files', () => {
  test('a FIFO is refused without waiting for a writer', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(readRegularFile(fifo, '--from-file', { cwd: dir }), (error: unknown) => {
      return error instanceof UsageError && /named pipe \(FIFO\)/.test(error.message) && /"-" to read stdin/.test(error.hint ?? '');
    });
  });

  test('/dev/zero is refused before a byte is read', async () => {
    await assert.rejects(
      readRegularFile('/dev/zero', '--cert-file', { cwd: dir }),
      /--cert-file \/dev\/zero: cannot read the file \(is a device/,
    );
  });

  test('a directory, a missing file', async () => {
    await assert.rejects(readRegularFile(dir, '--key-file', { cwd: dir }), /is a directory/);
    await assert.rejects(
      readRegularFile('nope.pem', '--key-file', { cwd: dir }),
      /--key-file nope.pem: cannot read the file \(no such file\)/,
    );
  });

  test('a file larger than the limit is refused; one at the limit is read', async () => {
    const path = join(dir, 'big');
    writeFileSync(path, 'x'.repeat(1025));
    await assert.rejects(readRegularFile(path, '--from-file', { cwd: dir, maxBytes: 1024 }), /larger than 1024 bytes/);
    writeFileSync(path, 'x'.repeat(1024));
    assert.equal((await readRegularFile(path, '--from-file', { cwd: dir, maxBytes: 1024 })).length, 1024);
    assert.equal(MAX_INPUT_BYTES, 10 * 1024 * 1024);
  });
});

describe('stdin', () => {
  test('stops as soon as the limit is passed, and lets the stream go', async () => {
    const stream = new PassThrough();
    stream.write('x'.repeat(600));
    stream.write('x'.repeat(600)); // never ended: only the limit can end this read
    await assert.rejects(readStream(stream, { maxBytes: 1000, tooLarge: () => new UsageError('too large') }), /too large/);
    assert.ok(stream.destroyed);
  });

  test('an interrupt ends a read that would never end', async () => {
    const stream = new PassThrough();
    const interrupt = new AbortController();
    const reading = readStream(stream, undefined, interrupt.signal);
    stream.write('partial');
    interrupt.abort('SIGINT');
    await assert.rejects(reading, (error: unknown) => error instanceof InterruptedError && error.notSent);
    assert.ok(stream.destroyed);
  });

  test('SIGTERM while create reads stdin: exit 143 at once, nothing was sent', async () => {
    const stdin = new PassThrough();
    stdin.write('LoadBalancerId: lb-signal01\n'); // and then it never ends
    const interrupt = new AbortController();
    // The moment the command starts reading, the signal arrives.
    stdin.once('resume', () => setImmediate(() => interrupt.abort('SIGTERM')));
    const ctx = testContext({ env: { HOME: EMPTY_HOME, TENCENTCLOUD_REGION: 'ap-guangzhou' }, signal: interrupt.signal });
    ctx.stdin = stdin;
    const code = await main(['create', '--from-file', '-', '--endpoint', 'http://127.0.0.1:9'], ctx);
    assert.equal(code, 143, ctx.stderr.text);
    assert.equal(ctx.stdout.text, '');
    assert.equal(ctx.stderr.text, 'error: interrupted by SIGTERM while reading stdin; nothing was sent\n');
    assert.ok(stdin.destroyed, 'a pipe that never ends cannot keep the process alive');
  });
});

describe('UTF-8', () => {
  test('bytes that are not UTF-8 are refused with the offset of the first one, never decoded to U+FFFD', async () => {
    const cases: [string, Buffer, number][] = [
      ['Latin-1', Buffer.from('{"a":"caf\xe9"}', 'latin1'), 9],
      ['an overlong slash', Buffer.from([0x61, 0xc0, 0xaf]), 1],
      ['an encoded surrogate', Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]), 2],
      ['a sequence cut short', Buffer.from([0xe2, 0x82]), 0],
      ['above U+10FFFF', Buffer.from([0x20, 0xf4, 0x90, 0x80, 0x80]), 1],
      ['a lone continuation byte after valid text', Buffer.concat([Buffer.from('€ ok '), Buffer.from([0x80])]), 7],
    ];
    for (const [name, bytes, offset] of cases) {
      const path = join(dir, 'bytes');
      writeFileSync(path, bytes);
      await assert.rejects(readRegularFile(path, '--from-file', { cwd: dir }), (error: unknown) => {
        assert.ok(error instanceof UsageError, name);
        assert.equal(error.message, `--from-file ${path}: not valid UTF-8 at byte ${offset}`, name);
        return true;
      });
      const stream = new PassThrough();
      stream.end(bytes);
      await assert.rejects(readStream(stream, { maxBytes: 100, tooLarge: () => new Error('too large'), what: 'stdin' }), {
        message: `stdin: not valid UTF-8 at byte ${offset}`,
      });
    }
    writeFileSync(join(dir, 'fine'), 'café €𝄞');
    assert.equal(await readRegularFile('fine', '--from-file', { cwd: dir }), 'café €𝄞');
  });
});
