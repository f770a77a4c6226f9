/**
 * `create -i` with SNI on: the domains, their URL paths, a certificate for each domain (picked
 * from the account, typed, or uploaded from files, as for a listener), and the default domain.
 * The answers become `--rule` values (JSON, uploads as `file://` paths, so no key passes through
 * argv or the screen) that go through the same parser and checks as typed ones.
 */
import { say, type Language } from '../../core/i18n.js';
import { splitList } from '../../model/coerce.js';
import { checkForwardingRules } from '../../model/rule-rules.js';
import { RULE_PROMPTS as P } from './rule-prompts.js';

/** A server certificate as the listener questions give it: an id, or files to upload. */
export type DomainCertificate = { kind: 'id'; id: string } | { kind: 'upload'; name: string; cert: { path: string }; keyPath: string };

export interface DomainQuestions {
  input(config: {
    message: string;
    default?: string;
    validate?: (value: string) => true | string | Promise<true | string>;
  }): Promise<string>;
  select<T>(config: { message: string; choices: { value: T; name: string }[]; default?: T }): Promise<T>;
  /** One server certificate, asked as for a listener. */
  certificate(domain: string): Promise<DomainCertificate>;
  note(lines: string[]): void;
  now: number;
  language: Language;
}

/** Why a typed domain (or URL) cannot be used, by the forwarding rules' own checks; undefined if it can. */
function problem(rule: Record<string, unknown>, field: 'Domain' | 'Url', questions: DomainQuestions): string | undefined {
  const findings = checkForwardingRules({
    protocol: 'HTTPS',
    sniSwitch: 1,
    rules: [rule],
    now: questions.now,
    language: questions.language,
  });
  return findings.find((f) => f.severity === 'refuse' && f.path[2] === field)?.message;
}

/** The certificate a rule carries, as sent by reference (`file://` for uploads). */
function certificateRef(entry: DomainCertificate): Record<string, unknown> {
  if (entry.kind === 'id') return { SSLMode: 'UNIDIRECTIONAL', CertId: entry.id };
  return { SSLMode: 'UNIDIRECTIONAL', CertName: entry.name, CertContent: `file://${entry.cert.path}`, CertKey: `file://${entry.keyPath}` };
}

/** Asks for the domains; returns one `--rule` value (JSON) per domain and URL. */
export async function askDomains(q: DomainQuestions): Promise<string[]> {
  const t = (text: (typeof P)[keyof typeof P], params?: Record<string, string>) => say(q.language, text, params);
  const domains: { domain: string; urls: string[]; certificate: Record<string, unknown> }[] = [];
  for (;;) {
    const first = domains.length === 0;
    const domain = (
      await q.input({
        message: first ? t(P.firstDomain) : t(P.nextDomain),
        validate: (value) => {
          const text = value.trim();
          if (text === '' && !first) return true;
          if (domains.some((d) => d.domain === text)) return t(P.domainTwice, { domain: text });
          return problem({ Domain: text, Url: '/' }, 'Domain', q) ?? true;
        },
      })
    ).trim();
    if (domain === '') break;
    const urls = splitList(
      await q.input({
        message: t(P.urls, { domain }),
        default: '/',
        validate: (value) => {
          const list = splitList(value);
          if (list.length === 0) return problem({ Domain: domain, Url: '' }, 'Url', q) ?? true;
          for (const url of list) {
            const why = problem({ Domain: domain, Url: url }, 'Url', q);
            if (why) return `${url}: ${why}`;
          }
          return true;
        },
      }),
    );
    q.note([t(P.certificateOf, { domain })]);
    const certificate = certificateRef(await q.certificate(domain));
    domains.push({ domain, urls: [...new Set(urls)], certificate });
  }
  const defaultDomain =
    domains.length === 1
      ? domains[0]!.domain
      : await q.select<string>({
          message: t(P.defaultDomain),
          choices: domains.map((d) => ({ value: d.domain, name: d.domain })),
          default: domains[0]!.domain,
        });
  return domains.flatMap((d) =>
    d.urls.map((url, i) =>
      JSON.stringify({
        Domain: d.domain,
        Url: url,
        ...(d.domain === defaultDomain && i === 0 ? { DefaultServer: true } : {}),
        Certificate: d.certificate,
      }),
    ),
  );
}
