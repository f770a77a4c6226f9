/**
 * A file path question that completes with Tab, as a shell does: one match is completed (a
 * directory with its `/`), several extend to what they share and are listed under the question.
 * Otherwise it behaves as the plain text question (Enter checks the answer with `validate` and
 * keeps the text when refused), so pasted text and Enter typed at once are taken as they come.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPrompt, isEnterKey, isTabKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';

export interface PathPromptConfig {
  message: string;
  validate: (value: string) => true | string | Promise<true | string>;
  /** Relative paths are read from here. */
  cwd: string;
  /** `~/` stands for it. */
  home?: string;
}

/** At most this many matches are listed under the question. */
const LISTED = 12;

/**
 * The entries of the typed path's directory whose names start with its last part, written as
 * typed (`certs/` + `www.crt`), directories with a trailing `/`; dot files only when the last part
 * starts with a dot. Sorted; none when the directory cannot be read.
 */
export function pathMatches(typed: string, cwd: string, home?: string): string[] {
  const expanded = (typed === '~' || typed.startsWith('~/')) && home ? home + typed.slice(1) : typed;
  const cut = expanded.lastIndexOf('/');
  const base = expanded.slice(cut + 1);
  const shownDir = typed.slice(0, typed.lastIndexOf('/') + 1);
  try {
    return readdirSync(resolve(cwd, expanded.slice(0, cut + 1) || '.'), { withFileTypes: true })
      .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
      .map((e) => `${shownDir}${e.name}${e.isDirectory() ? '/' : ''}`)
      .sort();
  } catch {
    return [];
  }
}

/** What Tab makes of `typed`: the one match, or what all the matches share (at least `typed`). */
export function completePath(typed: string, matches: readonly string[]): string {
  if (matches.length === 0) return typed;
  let shared = matches[0]!;
  for (const match of matches.slice(1)) {
    let i = 0;
    while (i < shared.length && i < match.length && shared[i] === match[i]) i++;
    shared = shared.slice(0, i);
  }
  return shared.length > typed.length ? shared : typed;
}

export const pathPrompt = createPrompt<string, PathPromptConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [listed, setListed] = useState<string[]>([]);
  const prefix = usePrefix({ status, theme });

  useKeypress(async (key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = value;
      setStatus('loading');
      const valid = await config.validate(answer);
      if (valid === true) {
        setValue(answer);
        setStatus('done');
        done(answer);
      } else {
        // readline empties its line on Enter: put the answer back, to be corrected.
        rl.write(answer);
        setError(valid || 'not a usable file');
        setStatus('idle');
      }
    } else if (isTabKey(key)) {
      const typed = rl.line.replace(/\t/g, '');
      const matches = pathMatches(typed, config.cwd, config.home);
      const completed = completePath(typed, matches);
      rl.clearLine(0);
      rl.write(completed);
      setValue(completed);
      setError(undefined);
      setListed(matches.length > 1 ? matches : []);
    } else {
      setValue(rl.line);
      setError(undefined);
      setListed([]);
    }
  });

  const message = theme.style.message(config.message, status);
  const shown = status === 'done' ? theme.style.answer(value) : value;
  const more = listed.length > LISTED ? [`… ${listed.length - LISTED} more`] : [];
  const below = error ? theme.style.error(error) : [...listed.slice(0, LISTED), ...more].map((m) => theme.style.help(m)).join('\n');
  return [[prefix, message, shown].join(' '), below];
});
