/**
 * Interactive mode's checks of the PEM files a person names, made while they answer so a wrong
 * file is re-asked rather than fatal: readable, a certificate (or key), the key matches, in date,
 * the CA really is a CA. The checks are the model's (src/model/certificates.ts); this adds the
 * wording for a prompt and the few lines that show what was picked. Never prints key material.
 */
import type { X509Certificate } from 'node:crypto';
import { UsageError } from '../../core/errors.js';
import {
  checkCaCertificate,
  checkValidity,
  parseCertificate,
  parsePrivateKey,
  summarize,
  type CertificateSummary,
} from '../../model/certificates.js';
import type { ReadText } from '../../model/coerce.js';

export interface CheckedCertificate {
  /** As the person typed it (after `~/` expansion). */
  path: string;
  content: string;
  summary: CertificateSummary;
  /** The family that must not repeat in MultiCertInfo: RSA, ECC, … */
  algorithm: string;
  /** e.g. "RSA 2048-bit", "ECC P-256". */
  keyDescription: string;
  /** Set when it expires within 30 days. */
  warning?: string;
  x509: X509Certificate;
}

/** `~/x` → `$HOME/x`; everything else as typed (relative paths are read from the working directory). */
export function expandPath(typed: string, env: Record<string, string | undefined>): string {
  const path = typed.trim();
  if ((path === '~' || path.startsWith('~/')) && env.HOME) return env.HOME + path.slice(1);
  return path;
}

/**
 * A model error in a prompt's words: without the leading `--flag` (the person typed no flag), with
 * the hint, and naming the file.
 */
export function promptMessage(error: unknown, flag: string, path: string): string {
  if (!(error instanceof UsageError)) throw error;
  let text = error.message;
  if (text.startsWith(`${flag}: `)) text = text.slice(flag.length + 2);
  else if (text.startsWith(`${flag} `)) text = text.slice(flag.length + 1);
  if (!text.startsWith(path)) text = `${path}: ${text}`;
  return error.hint ? `${text} (${error.hint})` : text;
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521', sm2: 'SM2' };

function keyAlgorithm(x509: X509Certificate): { algorithm: string; keyDescription: string } {
  const key = x509.publicKey;
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss') return { algorithm: 'RSA', keyDescription: `RSA ${details.modulusLength ?? '?'}-bit` };
  if (type === 'ec') {
    const curve = details.namedCurve ?? '';
    return curve === 'sm2'
      ? { algorithm: 'SM2', keyDescription: 'SM2' }
      : { algorithm: 'ECC', keyDescription: `ECC ${CURVES[curve] ?? curve}` };
  }
  return { algorithm: type.toUpperCase(), keyDescription: type.toUpperCase() };
}

async function readFileText(readText: ReadText, path: string, flag: string): Promise<string> {
  if (path === '') throw new UsageError(`${flag}: enter a file path`, flag);
  if (path === '-') throw new UsageError(`${flag}: give a file path (stdin is this terminal)`, flag);
  return readText(path, flag);
}

function checked(
  path: string,
  content: string,
  x509: X509Certificate,
  summary: CertificateSummary,
  warning: string | undefined,
): CheckedCertificate {
  return { path, content, summary, ...keyAlgorithm(x509), ...(warning ? { warning } : {}), x509 };
}

/** A server certificate file: readable, a PEM certificate, in date. Throws UsageError. */
export async function readServerCertificate(readText: ReadText, path: string, nowMs: number): Promise<CheckedCertificate> {
  const content = await readFileText(readText, path, '--cert-file');
  const x509 = parseCertificate(content, '--cert-file');
  const summary = summarize(x509);
  return checked(path, content, x509, summary, checkValidity(summary, '--cert-file', nowMs));
}

/** The private key of `cert`: readable, a PEM private key, and the certificate's. Returns its text. */
export async function readMatchingKey(readText: ReadText, path: string, cert: CheckedCertificate): Promise<string> {
  const content = await readFileText(readText, path, '--key-file');
  const key = parsePrivateKey(content, '--key-file');
  if (!cert.x509.checkPrivateKey(key)) {
    throw new UsageError(`--key-file: this key does not match the certificate in ${cert.path}`, '--key-file', {
      hint: 'give the key the certificate was issued for',
    });
  }
  return content;
}

/** A client CA file: readable, a PEM certificate, a CA, in date. */
export async function readCaCertificate(readText: ReadText, path: string, nowMs: number): Promise<CheckedCertificate> {
  const content = await readFileText(readText, path, '--ca-file');
  const check = checkCaCertificate(content, nowMs);
  return checked(path, content, check.x509, check.summary, check.warning);
}

const DAY_MS = 24 * 3600 * 1000;

/** Lines showing what a file holds: subject, SANs, issuer, expiry, key. */
export function describeCertificate(cert: CheckedCertificate, nowMs: number): string[] {
  const s = cert.summary;
  const days = Math.floor((s.validTo.getTime() - nowMs) / DAY_MS);
  const lines = [
    `subject  ${s.subject}`,
    ...(s.subjectAltNames.length ? [`SANs     ${s.subjectAltNames.join(', ')}`] : []),
    `issuer   ${s.issuer}`,
    `expires  ${s.validTo.toISOString().slice(0, 10)} (in ${days} day${days === 1 ? '' : 's'})`,
    `key      ${cert.keyDescription}${s.isCA ? ', CA' : ''}`,
  ];
  return lines;
}
