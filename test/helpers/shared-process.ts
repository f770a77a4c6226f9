/**
 * What scripts/run-tests.js builds a shared process from: each in-process test file becomes a
 * suite that imports it, so the file's hooks wrap only its own tests. Files in one process see
 * one process.env, one working directory and one set of signal handlers, so each file must leave
 * them as it found them; the suite fails, naming the file and what it left changed, if not. The
 * empty HOME every run gets by default (hermetic.ts) must stay empty too: a run that writes a
 * profile there would decide the next file's tests.
 */
import { readdirSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { EMPTY_HOME } from './hermetic.js';

interface ProcessState {
  env: Map<string, string | undefined>;
  cwd: string;
  handlers: Map<string, number>;
  home: string[];
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function snapshot(): ProcessState {
  return {
    env: new Map(Object.entries(process.env)),
    cwd: process.cwd(),
    handlers: new Map(SIGNALS.map((signal) => [signal, process.listenerCount(signal)])),
    home: readdirSync(EMPTY_HOME),
  };
}

/** What differs, by name only (an environment value may be a test's secret). */
function changes(was: ProcessState, now: ProcessState): string[] {
  const names = new Set([...was.env.keys(), ...now.env.keys()]);
  const env = [...names].filter((name) => was.env.get(name) !== now.env.get(name)).map((name) => `process.env.${name}`);
  const cwd = was.cwd === now.cwd ? [] : ['the working directory'];
  const handlers = SIGNALS.filter((signal) => was.handlers.get(signal) !== now.handlers.get(signal)).map((signal) => `${signal} handlers`);
  const home =
    now.home.length > was.home.length ? [`the empty HOME (${now.home.join(', ')}): give the run a HOME of its own (makeTempHome)`] : [];
  return [...env, ...cwd, ...handlers, ...home];
}

/** As the process started, before any test file was imported. */
const atStart = snapshot();
let importsChecked = false;

/** One test file as a suite of a shared process; `load` imports it. */
export function sharedFile(name: string, load: () => Promise<unknown>): void {
  describe(name, async () => {
    let was: ProcessState | undefined;
    before(() => {
      was = snapshot();
      // Every file is imported before the first one's tests: what their top-level code changed.
      if (!importsChecked) {
        importsChecked = true;
        const changed = changes(atStart, was);
        if (changed.length > 0)
          throw new Error(`importing this process's test files changed ${changed.join(', ')}: change it in a test, and put it back`);
      }
    });
    await load();
    // Registered after the file's own hooks, so it runs after them: what they put back counts.
    after(() => {
      const changed = was ? changes(was, snapshot()) : [];
      if (changed.length > 0) {
        throw new Error(`${name} left ${changed.join(', ')} changed: files here share a process, so put it back`);
      }
    });
  });
}
