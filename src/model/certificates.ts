/**
 * Checks of PEM files before they are uploaded: that they are certificates, that a key belongs
 * to its certificate, that a CA is a CA. node:crypto does the parsing; nothing here reads files.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { UsageError } from '../core/errors.js';

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

export function parseCertificate(pem: string, flag: string): X509Certificate {
  if (!/-----BEGIN CERTIFICATE-----/.test(pem)) {
    const swapped = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem);
    throw new UsageError(`${flag}: not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line)`, flag, {
      hint: swapped ? 'this file holds a private key: are --cert-file and --key-file swapped?' : 'give the PEM file of the certificate',
    });
  }
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new UsageError(`${flag}: the PEM certificate cannot be parsed (${(error as Error).message})`, flag);
  }
}

export function parsePrivateKey(pem: string, flag: string): KeyObject {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    // Never quote the content: it may be a key in another format.
    throw new UsageError(`${flag}: not a PEM private key (no "-----BEGIN … PRIVATE KEY-----" line)`, flag);
  }
  try {
    return createPrivateKey(pem);
  } catch {
    throw new UsageError(`${flag}: the PEM private key cannot be parsed (encrypted keys are not supported)`, flag);
  }
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

/** A certificate name the API accepts, from the subject's CN: `*.example.com` → `wildcard-example-com`. */
export function nameFromSubject(summary: CertificateSummary, fallback: string): string {
  const base = (summary.commonName ?? fallback).replace(/^\*\./, 'wildcard.').replace(/[^A-Za-z0-9_-]+/g, '-');
  return base.replace(/^-+|-+$/g, '').slice(0, 80) || fallback;
}

export interface ServerCertificateCheck {
  summary: CertificateSummary;
  /** Set when it expires within 30 days. */
  warning?: string;
  /** The parsed certificate, so callers need not parse it again. */
  x509: X509Certificate;
}

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

/** Throws when out of date; returns a warning when it expires within 30 days. */
export function checkValidity(summary: CertificateSummary, flag: string, nowMs: number): string | undefined {
  if (summary.validTo.getTime() < nowMs) {
    throw new UsageError(`${flag}: the certificate expired on ${summary.validTo.toISOString().slice(0, 10)}`, flag, {
      hint: 'renew it, or pick another certificate',
    });
  }
  if (summary.validFrom.getTime() > nowMs) {
    throw new UsageError(`${flag}: the certificate is not valid before ${summary.validFrom.toISOString().slice(0, 10)}`, flag);
  }
  if (summary.validTo.getTime() - nowMs < THIRTY_DAYS_MS) {
    return `the certificate expires on ${summary.validTo.toISOString().slice(0, 10)}, within 30 days`;
  }
  return undefined;
}

/**
 * PEM text given inline (a --from-file body, --certificate JSON): it is sent as given, since the
 * API page's own examples use placeholders, but what cannot be a certificate is said out loud, and
 * a real pair whose key does not match is refused like a file pair would be.
 */
export function inlineCertificateWarnings(
  where: string,
  cert: { CertContent?: string; CertKey?: string; CertCaContent?: string },
): string[] {
  const warnings: string[] = [];
  const parses = (pem: string | undefined): X509Certificate | undefined => {
    try {
      return pem ? new X509Certificate(pem) : undefined;
    } catch {
      return undefined;
    }
  };
  const server = parses(cert.CertContent);
  if (cert.CertContent !== undefined && !server)
    warnings.push(`${where}.CertContent is not a parseable PEM certificate; the API will refuse it`);
  if (cert.CertCaContent !== undefined && !parses(cert.CertCaContent))
    warnings.push(`${where}.CertCaContent is not a parseable PEM certificate; the API will refuse it`);
  if (server && cert.CertKey) {
    let key: KeyObject | undefined;
    try {
      key = createPrivateKey(cert.CertKey);
    } catch {
      warnings.push(`${where}.CertKey is not a parseable PEM private key; the API will refuse it`);
    }
    if (key && !server.checkPrivateKey(key)) {
      throw new UsageError(`${where}.CertKey does not match ${where}.CertContent`, '--certificate', {
        hint: 'pass the key the certificate was issued for',
      });
    }
  }
  return warnings;
}

/** A server certificate and its key: both parse, the key matches, the certificate is in date. */
export function checkServerCertificate(certPem: string, keyPem: string, nowMs: number): ServerCertificateCheck {
  const cert = parseCertificate(certPem, '--cert-file');
  const key = parsePrivateKey(keyPem, '--key-file');
  if (!cert.checkPrivateKey(key)) {
    throw new UsageError('--key-file: the private key does not match the certificate in --cert-file', '--key-file', {
      hint: 'pass the key the certificate was issued for',
    });
  }
  const summary = summarize(cert);
  const warning = checkValidity(summary, '--cert-file', nowMs);
  return warning ? { summary, warning, x509: cert } : { summary, x509: cert };
}

/** A client CA: parses, is a CA (basicConstraints CA:TRUE), is in date. */
export function checkCaCertificate(pem: string, nowMs: number): ServerCertificateCheck {
  const cert = parseCertificate(pem, '--ca-file');
  const summary = summarize(cert);
  if (!summary.isCA) {
    throw new UsageError('--ca-file: this certificate is not a CA certificate (basicConstraints CA:TRUE is missing)', '--ca-file', {
      hint: 'mutual TLS needs the CA that issued the client certificates',
    });
  }
  const warning = checkValidity(summary, '--ca-file', nowMs);
  return warning ? { summary, warning, x509: cert } : { summary, x509: cert };
}
