/**
 * Interactive mode's reading of the PEM files a person names, checked while they answer so a
 * wrong file is asked again rather than fatal. What is wrong with a file is decided by the same
 * rules as for flags and files (the model's checkAnswer): a private key where a certificate
 * belongs, a key that does not match, a second certificate of one algorithm are refused; an
 * expired or unparseable certificate is a warning. This adds reading the file and the few lines
 * that show what was picked. Never prints key material.
 */
import { UsageError } from '../../core/errors.js';
import { inspectCertificate, type InspectedCertificate } from '../../model/certificates.js';
import type { ReadText } from '../../model/coerce.js';
import type { Path } from '../../model/paths.js';
import { type AnswerLabel, checkAnswer } from '../../model/validate.js';

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

async function readFileText(readText: ReadText, path: string): Promise<string | { problem: string }> {
  if (path === '') return { problem: 'enter a file path' };
  if (path === '-') return { problem: 'give a file path (stdin is this terminal)' };
  try {
    // No flag was typed: the reader's message then starts with the path itself.
    return await readText(path, '');
  } catch (error) {
    if (error instanceof UsageError) return { problem: error.message.trim() };
    throw error;
  }
}

/**
 * Reads the file at `path` as the PEM value of `field` in `partial` (what the answers so far
 * make of the request) and checks it there. A string result is why it cannot be used.
 */
export async function readPemAnswer(
  readText: ReadText,
  path: string,
  partial: Record<string, unknown>,
  field: Path,
  now: number,
  labels?: readonly AnswerLabel[],
): Promise<CheckedCertificate | string> {
  const content = await readFileText(readText, path);
  if (typeof content !== 'string') return content.problem;
  const check = checkAnswer(partial, field, { value: content }, { now, ...(labels ? { labels } : {}) });
  if (check.problem) return `${path} ${check.problem}`;
  return { path, content, parsed: inspectCertificate(content), warnings: check.warnings.map((w) => `${path} ${w}`) };
}

const DAY_MS = 24 * 3600 * 1000;

/** Lines showing what a file holds: subject, SANs, issuer, expiry, key. */
export function describeCertificate(cert: CheckedCertificate, nowMs: number): string[] {
  if (!cert.parsed) return [];
  const s = cert.parsed.summary;
  const days = Math.floor((s.validTo.getTime() - nowMs) / DAY_MS);
  return [
    `subject  ${s.subject}`,
    ...(s.subjectAltNames.length ? [`SANs     ${s.subjectAltNames.join(', ')}`] : []),
    `issuer   ${s.issuer}`,
    `expires  ${s.validTo.toISOString().slice(0, 10)} (in ${days} day${days === 1 ? '' : 's'})`,
    `key      ${cert.parsed.keyDescription}${s.isCA ? ', CA' : ''}`,
  ];
}
