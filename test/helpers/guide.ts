/**
 * The user's guide as the tests read it: the README (the landing page) followed by every page of
 * docs/, so that an example is found wherever it lives. Tests about the landing page itself read
 * README.md alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** Every Markdown file under `dir`, sorted. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
    .sort();
}

/** The README and docs/ pages, paths relative to the repository. */
export const GUIDE_FILES: readonly string[] = ['README.md', ...markdownFiles(join(REPO_ROOT, 'docs')).map((f) => relative(REPO_ROOT, f))];

/** The README, then every docs/ page, as one text. */
export function userGuide(): string {
  return GUIDE_FILES.map((file) => readFileSync(join(REPO_ROOT, file), 'utf8')).join('\n');
}
