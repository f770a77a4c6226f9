/**
 * Interactive mode's reading of the PEM files a person names, checked while they answer so a
 * wrong file is asked again rather than fatal. What is wrong with a file is decided by the same
 * rules as for flags and files (the model's checkAnswer): a private key where a certificate
 * belongs, a key that does not match, a second certificate of one algorithm are refused; an
 * expired or unparseable certificate is a warning. This adds reading the file and the few lines
 * that show what was picked. Never prints key material.
 */
import { saidIn, UsageError } from '../../core/errors.js';
import { inspectCertificate, type InspectedCertificate } from '../../model/certificates.js';
import type { ReadText } from '../../model/coerce.js';
import type { Path } from '../../model/paths.js';
import type { Draft } from '../../model/draft.js';
import { checkAnswerIn } from '../../model/validate.js';
import { type Language, say } from '../../core/i18n.js';
import { displayWidth, padEndWidth } from '../../core/width.js';
import { ASK } from './interactive.messages.js';

export interface CheckedCertificate {
  /** As the person typed it (after `~/` expansion). */
  path: string;
  content: string;
  /** Undefined when the file is not a certificate that parses (sent as written, with a warning). */
  parsed: InspectedCertificate | undefined;
  warnings: string[];
}

/** `~/x` → `$HOME/x`; everything else as typed (relative paths are read from the working directory). */
export function expandPath(typed: string, env: Record<string, string | undefined>): string {
  const path = typed.trim();
  if ((path === '~' || path.startsWith('~/')) && env.HOME) return env.HOME + path.slice(1);
  return path;
}

async function readFileText(readText: ReadText, path: string, language: Language): Promise<string | { problem: string }> {
  if (path === '') return { problem: say(language, ASK.enterPath) };
  if (path === '-') return { problem: say(language, ASK.notStdin) };
  try {
    // No flag was typed: the reader's message then starts with the path itself.
    return await readText(path, '');
  } catch (error) {
    if (error instanceof UsageError) return { problem: saidIn(language, error).message.trim() };
    throw error;
  }
}

/**
 * Reads the file at `path` as the PEM value of `field` in `draft` (what is known so far, the
 * certificate being put together included) and checks it there. A string result is why it
 * cannot be used.
 */
export async function readPemAnswer(
  readText: ReadText,
  path: string,
  draft: Draft,
  field: Path,
  now: number,
  language: Language = 'en',
): Promise<CheckedCertificate | string> {
  const content = await readFileText(readText, path, language);
  if (typeof content !== 'string') return content.problem;
  const check = checkAnswerIn(draft, field, { value: content }, { now, language });
  if (check.problem) return `${path} ${check.problem}`;
  return { path, content, parsed: inspectCertificate(content), warnings: check.warnings.map((w) => `${path} ${w}`) };
}

const DAY_MS = 24 * 3600 * 1000;

/** Lines showing what a file holds: subject, SANs, issuer, expiry, key. */
export function describeCertificate(cert: CheckedCertificate, nowMs: number, language: Language = 'en'): string[] {
  if (!cert.parsed) return [];
  const s = cert.parsed.summary;
  const days = Math.floor((s.validTo.getTime() - nowMs) / DAY_MS);
  const rows: [string, string][] = [
    [say(language, ASK.subject), s.subject],
    ...(s.subjectAltNames.length ? [[say(language, ASK.sans), s.subjectAltNames.join(', ')] as [string, string]] : []),
    [say(language, ASK.issuer), s.issuer],
    [say(language, ASK.expires), say(language, ASK.expiresIn, { day: s.validTo.toISOString().slice(0, 10), days })],
    [say(language, ASK.key), `${cert.parsed.keyDescription}${s.isCA ? ', CA' : ''}`],
  ];
  // The labels line up by display width (at least as wide as `subject `).
  const width = Math.max(8, ...rows.map(([label]) => displayWidth(label) + 1));
  return rows.map(([label, value]) => `${padEndWidth(label, width)} ${value}`);
}
