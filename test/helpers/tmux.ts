/**
 * A real terminal for end-to-end tests of interactive mode: a detached tmux session on a private
 * server socket (so nothing touches a developer's own tmux), typed into with `send-keys` and read
 * with `capture-pane`. Every wait is bounded; `kill()` ends the session and its server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { eventually } from './eventually.js';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** POSIX-shell single quoting. */
export const sh = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export interface TmuxSession {
  name: string;
  /** The whole pane, scrollback included, wrapped lines joined. */
  capture(): string;
  /** Literal text, as if typed. */
  type(text: string): void;
  /** tmux key names: Enter, Down, Escape, C-c, C-u … */
  keys(...names: string[]): void;
  /** Waits (bounded, default 60 s: generous, a loaded machine only makes it look more often) until the pane matches; returns the pane. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Waits for `pattern`, then types `text` (if any) and presses the keys. */
  answer(pattern: RegExp | string, text: string | undefined, ...keys: string[]): Promise<void>;
  /** tmux `display -p` of a format, e.g. '#{cursor_flag}'. */
  display(format: string): string;
  kill(): void;
}

let counter = 0;

/**
 * Starts `script` (run by sh) in a new detached 160x50 session in `cwd`. The script should end
 * with something like `; echo EXIT=$?; sleep 30` so the pane stays readable after the command.
 */
export function startTmux(script: string, options: { cwd: string; width?: number; height?: number }): TmuxSession {
  counter += 1;
  const socket = `clb-test-${process.pid}-${counter}`;
  const name = `clb-i-${process.pid}-${counter}`;
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  tmux(
    '-f',
    '/dev/null',
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(options.width ?? 160),
    '-y',
    String(options.height ?? 50),
    '-c',
    options.cwd,
    'sh',
    '-c',
    script,
  );
  tmux('set-option', '-t', name, 'history-limit', '5000');
  const socketPath = tmux('display-message', '-p', '-t', name, '#{socket_path}').trim();
  const capture = (): string => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name);
  const matches = (text: string, pattern: RegExp | string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
  const session: TmuxSession = {
    name,
    capture,
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
    keys: (...names) => {
      for (const key of names) tmux('send-keys', '-t', name, key);
    },
    waitFor: async (pattern, timeoutMs = 60_000) => {
      let pane = '';
      try {
        const look = (): string | false => {
          pane = capture();
          return matches(pane, pattern) && pane;
        };
        return await eventually(look, String(pattern), { timeoutMs, everyMs: 50 });
      } catch (error) {
        throw new Error(`tmux: ${(error as Error).message}; the pane:\n${pane}`);
      }
    },
    answer: async (pattern, text, ...keys) => {
      await session.waitFor(pattern);
      if (text !== undefined) session.type(text);
      session.keys(...keys);
    },
    display: (format) => tmux('display-message', '-p', '-t', name, format).trim(),
    kill: () => {
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name], { stdio: 'ignore' });
      spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
      // tmux leaves the socket file behind.
      if (socketPath) rmSync(socketPath, { force: true });
    },
  };
  return session;
}
