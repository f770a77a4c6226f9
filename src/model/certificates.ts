/**
 * Reading PEM text, wherever it came from (a --cert-file, a --from-file body, --certificate JSON,
 * a prompt): whether it holds a private key, what certificate it is, whether a key belongs to it.
 * node:crypto does the parsing. Nothing here reads files or decides what is wrong: the rules do
 * (rules.ts), so every input path gets the same checks.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';

/** node:crypto, loaded when a certificate or key is first parsed (not by `--help` or a request without one). */
const crypto = () => process.getBuiltinModule('node:crypto');

export interface CertificateSummary {
  subject: string;
  commonName: string | undefined;
  issuer: string;
  subjectAltNames: string[];
  validFrom: Date;
  validTo: Date;
  isCA: boolean;
  keyType: string | undefined;
  fingerprint256: string;
}

export interface InspectedCertificate {
  x509: X509Certificate;
  summary: CertificateSummary;
  /** The family that must not repeat in MultiCertInfo: RSA, ECC, SM2, … */
  algorithm: string;
  /** e.g. "RSA 2048-bit", "ECC P-256". */
  keyDescription: string;
}

export const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

/** A PEM private-key block of any kind (PKCS#1, PKCS#8, EC, encrypted), or the API page's placeholder spelling without spaces. */
const PRIVATE_KEY_BLOCK = /-----BEGIN ?[A-Z0-9 ]*PRIVATE ?KEY-----/;

export function holdsPrivateKey(text: string): boolean {
  return PRIVATE_KEY_BLOCK.test(text);
}

export function summarize(cert: X509Certificate): CertificateSummary {
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  const subjectAltNames = (cert.subjectAltName ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    commonName,
    issuer: cert.issuer.replace(/\n/g, ', '),
    subjectAltNames,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    isCA: cert.ca,
    keyType: cert.publicKey.asymmetricKeyType,
    fingerprint256: cert.fingerprint256,
  };
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

/** Parsed certificates by text: the rules look at each one several times per request. */
const parsed = new Map<string, InspectedCertificate | null>();

/** The certificate in `text`, or undefined when it is not a PEM certificate that parses. */
export function inspectCertificate(text: string): InspectedCertificate | undefined {
  if (!parsed.has(text)) {
    let result: InspectedCertificate | null = null;
    if (/-----BEGIN CERTIFICATE-----/.test(text)) {
      try {
        const x509 = new (crypto().X509Certificate)(text);
        result = { x509, summary: summarize(x509), ...keyAlgorithm(x509) };
      } catch {
        result = null;
      }
    }
    if (parsed.size > 64) parsed.clear();
    parsed.set(text, result);
  }
  return parsed.get(text) ?? undefined;
}

/** The unencrypted private key in `text`, or undefined. Never quotes the text anywhere. */
export function inspectPrivateKey(text: string): KeyObject | undefined {
  if (!holdsPrivateKey(text)) return undefined;
  try {
    return crypto().createPrivateKey(text);
  } catch {
    return undefined;
  }
}

export function keyMatches(cert: InspectedCertificate, key: KeyObject): boolean {
  return cert.x509.checkPrivateKey(key);
}

/** A certificate name the API accepts, from the subject's CN: `*.example.com` → `wildcard-example-com`. */
export function nameFromSubject(summary: CertificateSummary | undefined, fallback: string): string {
  const base = (summary?.commonName ?? fallback).replace(/^\*\./, 'wildcard.').replace(/[^A-Za-z0-9_-]+/g, '-');
  return base.replace(/^-+|-+$/g, '').slice(0, 80) || fallback;
}
