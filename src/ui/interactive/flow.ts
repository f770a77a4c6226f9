/**
 * The questions of `create -i`, in order, asking only for what the flags (and a --from-file body)
 * did not give: load balancer, protocol, ports, SNI, then the certificates. Answers become raw
 * flags (and, for several certificates, a MultiCertInfo object) that go through the same model
 * as flags do. Every typed value is checked against the field tables as it is typed.
 */
import { UsageError } from '../../core/errors.js';
import { CERTIFICATE_FLAGS, PROTOCOLS, fieldByApi, type Protocol } from '../../model/fields.js';
import { coerceScalar, splitList, type ReadText } from '../../model/coerce.js';
import { needsListenerCertificate } from '../../model/rules.js';
import { attributeOf } from '../../model/flags.js';
import { nameFromSubject } from '../../model/certificates.js';
import { type Path, samePath } from '../../model/paths.js';
import type { RawFlags } from '../../model/request.js';
import { checkAnswer } from '../../model/validate.js';
import { PromptCancelledError, type Asker, type Choice } from './asker.js';
import { LOAD_BALANCER_PAGE, type AccountLookup, type CertificateItem, type LoadBalancerItem } from './account.js';
import { describeClash, portClashes, type ExistingListener, type PortClash } from '../../model/ports.js';
import { describeCertificate, expandPath, readPemAnswer, type CheckedCertificate } from './certs.js';
import { say, type Language } from '../../core/i18n.js';
import { askDomains } from './domains.js';
import { RULE_PROMPTS } from './rule-prompts.js';

export interface FlowEnvironment {
  asker: Asker;
  readText: ReadText;
  now: number;
  env: Record<string, string | undefined>;
  /** The `--from-file` body, whose fields count as given. */
  body: Record<string, unknown> | undefined;
  /** Lines for the person (certificate details, notes); not data. */
  note(lines: string[], kind?: 'info' | 'warning'): void;
  /**
   * The account, when credentials are there: load balancers, listeners and certificates are then
   * offered from it. Absent (or failing), every id is typed.
   */
  account?: AccountLookup;
  /** The run's interrupt: a listing cut short by Ctrl-C cancels the run, it does not fall back. */
  signal?: AbortSignal;
  /** Shows `text` (a spinner at a terminal) until `work` settles, if it has not already. */
  waiting?<T>(text: string, work: Promise<T>): Promise<T>;
  /** The run's language, for the questions written with the catalogue (`en` when unset). */
  language?: Language;
}

/** Where an uploaded file came from, for the summary and the equivalent command. */
export interface ServerUpload {
  kind: 'upload';
  cert: CheckedCertificate;
  keyPath: string;
  key: string;
  name: string;
}
export type ServerEntry = { kind: 'id'; id: string } | ServerUpload;
export type CaEntry = { kind: 'id'; id: string } | { kind: 'upload'; cert: CheckedCertificate; name: string };

export interface MultiCertPlan {
  /** With contents read from the files: what is sent. */
  value: Record<string, unknown>;
  /** With `file://PATH` in place of contents: what the equivalent command passes. */
  byReference: Record<string, unknown>;
}

export interface FlowResult {
  /** The given flags plus the answers, for buildCreateListenerRequest; `rule` holds the domains' --rule values (SNI). */
  flags: RawFlags;
  /** Set when several certificates were chosen. */
  multiCertInfo?: MultiCertPlan;
}

// ---- checking answers with the request's one validator -------------------------------------

/** A prompt's validate function: the answer checked at `path` of `partial` by the model's rules. */
function validator(
  env: FlowEnvironment,
  partial: () => Record<string, unknown>,
  path: Path,
  extra?: (value: string) => string | undefined,
  remote?: (value: string) => Promise<string | undefined>,
) {
  return async (text: string): Promise<true | string> =>
    checkAnswer(partial(), path, text, { now: env.now }).problem ?? extra?.(text.trim()) ?? (await remote?.(text.trim())) ?? true;
}

/** A value given by flag or body that the model would refuse: refuse it now, before any question. */
function checkGiven(env: FlowEnvironment, path: Path, raw: unknown, label: string): void {
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  const problem = checkAnswer({}, path, text, { now: env.now }).problem;
  if (problem) throw new UsageError(`${label} ${problem}`, label);
}

// ---- what was given ------------------------------------------------------------------------

const first = (flags: RawFlags, ...names: string[]): unknown => names.map((n) => flags[n]).find((v) => v !== undefined);
const nothing = (): Record<string, unknown> => ({});

const PROTOCOL_NOTES: Record<Protocol, string> = {
  TCP: 'layer 4',
  UDP: 'layer 4',
  HTTP: 'layer 7, rules per domain and URL',
  HTTPS: 'layer 7 with TLS: needs a certificate (or SNI)',
  TCP_SSL: 'layer 4 with TLS: needs a certificate',
  QUIC: 'layer 4, QUIC',
};

const DEFAULT_PORTS: Partial<Record<Protocol, string>> = { HTTP: '80', HTTPS: '443', TCP_SSL: '443' };

const CERT_ATTRS = CERTIFICATE_FLAGS.map((c) => attributeOf(c.flag));

// ---- the account: picking what exists ---------------------------------------------------------

/** Why a listing failed, in a few words (the error's own first line). */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** A listing cut short by Ctrl-C ends the run like any question would; other failures fall back. */
function cancelled(env: FlowEnvironment): boolean {
  return env.signal?.aborted === true;
}

/** The list's "more" entry; every other value is a load balancer id. */
const MORE = '\u0000more';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function loadBalancerChoices(items: readonly LoadBalancerItem[]): Choice<string>[] {
  const width = (f: (lb: LoadBalancerItem) => string) => Math.max(0, ...items.map((lb) => f(lb).length));
  const vip = (lb: LoadBalancerItem) => lb.vips.join(',');
  const [name, vips, type] = [width((lb) => lb.name), width(vip), width((lb) => lb.type)];
  return items.map((lb) => ({
    value: lb.id,
    name: [
      lb.id,
      lb.name.padEnd(name),
      vip(lb).padEnd(vips),
      lb.type.padEnd(type),
      lb.listeners === undefined ? '? listeners' : plural(lb.listeners, 'listener'),
    ].join('  '),
    short: lb.id,
  }));
}

/** A load balancer id the request would accept, to offer as typed or to look up. */
const acceptableId = (env: FlowEnvironment, text: string): boolean =>
  checkAnswer({}, ['LoadBalancerId'], text, { now: env.now }).problem === undefined;

/**
 * The typed text as an id of its own, when the list does not have it: offered plainly when it has
 * the usual shape (lb- and 8 lower-case letters or digits); of another shape (the model only
 * warns: no source states the format) only once nothing listed matches it, saying so, so that
 * the first letters of a listed id are never offered as an id.
 */
function typedId(env: FlowEnvironment, text: string, found: readonly LoadBalancerItem[]): Choice<string> | undefined {
  if (!text || found.some((lb) => lb.id === text)) return undefined;
  const check = checkAnswer({}, ['LoadBalancerId'], text, { now: env.now });
  if (check.problem) return undefined;
  const description = 'not in the list: the API will say whether it exists in this region';
  if (check.warnings.length === 0) return { value: text, name: `${text}  (not listed: use this id)`, description, short: text };
  if (found.length > 0) return undefined;
  return { value: text, name: `${text}  (not listed, and not the usual lb-xxxxxxxx: use it anyway)`, description, short: text };
}

/**
 * The load balancer: picked from a searchable list of the account's (a page at a time, more on
 * demand, the API searched for what is not loaded yet), or typed; typed when the list cannot be
 * had, with a note saying why.
 */
async function askLoadBalancer(env: FlowEnvironment): Promise<string> {
  const { asker, account } = env;
  const typed = async (): Promise<string> =>
    (await asker.input({ message: 'Load balancer id', validate: validator(env, nothing, ['LoadBalancerId']) })).trim();
  if (!account) return typed();
  let loaded: LoadBalancerItem[];
  let total: number;
  try {
    ({ items: loaded, total } = await account.loadBalancers({ offset: 0 }, env.signal));
  } catch (error) {
    if (cancelled(env)) throw new PromptCancelledError();
    env.note([`could not list the load balancers (${reason(error)}); type the id`], 'warning');
    return typed();
  }
  if (total === 0) {
    env.note([`no load balancers in ${account.region} for these credentials; type the id (or check --region)`], 'warning');
    return typed();
  }
  const matches = (text: string) => (lb: LoadBalancerItem) =>
    [lb.id, lb.name, ...lb.vips].some((field) => field.toLowerCase().includes(text.toLowerCase()));

  let first: string | undefined;
  for (;;) {
    const picked = await asker.search<string>({
      // Typing filters by id, name or VIP (and searches the API for what is not loaded yet).
      message: `Load balancer (${account.region}; type to filter, or an id)`,
      // After "more", the cursor starts on the first of the new ones.
      ...(first ? { default: first } : {}),
      source: async (term, { signal }) => {
        const text = term?.trim() ?? '';
        let found = text ? loaded.filter(matches(text)) : loaded;
        let problem: string | undefined;
        if (text && loaded.length < total) {
          // Not everything is loaded: search the rest too (any part of an id, a name or a VIP).
          try {
            const more = await account.search(text, env.signal ? AbortSignal.any([signal, env.signal]) : signal);
            found = [...found, ...more.filter((r) => !found.some((f) => f.id === r.id))];
          } catch (error) {
            if (signal.aborted || env.signal?.aborted) return [];
            problem = reason(error);
          }
        }
        const choices = loadBalancerChoices(found);
        const typed = typedId(env, text, found);
        if (typed) choices.push(typed);
        if (!text && loaded.length < total) {
          choices.push({
            value: MORE,
            name: `… ${total - loaded.length} more: type to search them, or pick this to list ${Math.min(LOAD_BALANCER_PAGE, total - loaded.length)} more`,
          });
        }
        if (problem) choices.push({ value: MORE, name: `search failed: ${problem}`, disabled: true });
        return choices;
      },
    });
    if (picked !== MORE) return picked;
    try {
      const next = await account.loadBalancers({ offset: loaded.length }, env.signal);
      first = next.items.find((n) => !loaded.some((l) => l.id === n.id))?.id;
      loaded = [...loaded, ...next.items.filter((n) => !loaded.some((l) => l.id === n.id))];
      total = Math.max(next.total, loaded.length);
      if (next.items.length === 0) total = loaded.length;
    } catch (error) {
      if (cancelled(env)) throw new PromptCancelledError();
      env.note([`could not list more load balancers (${reason(error)})`], 'warning');
      total = loaded.length;
    }
  }
}

/** The load balancer's listeners, fetched once in the background; undefined when they cannot be had. */
function listenersOf(env: FlowEnvironment, loadBalancerId: string): Promise<ExistingListener[] | undefined> {
  const { account } = env;
  if (!account || !acceptableId(env, loadBalancerId)) return Promise.resolve(undefined);
  let noted = false;
  return account.listeners(loadBalancerId, env.signal).catch((error: unknown) => {
    if (!noted && !env.signal?.aborted)
      env.note([`could not list the listeners of ${loadBalancerId} (${reason(error)}); ports are not checked`], 'warning');
    noted = true;
    return undefined;
  });
}

async function clashes(holders: Promise<ExistingListener[] | undefined>, ports: number[], protocol: string): Promise<PortClash[]> {
  const existing = await holders;
  return existing ? portClashes(ports, protocol, existing) : [];
}

/** The ports of a typed or given value, leaving out what is not a number (the field check says so). */
function numbers(value: unknown): number[] {
  const list = Array.isArray(value) ? value : splitList(String(value));
  return list.map((p) => Number(p)).filter((n) => Number.isInteger(n));
}

// ---- the flow --------------------------------------------------------------------------------

export async function askCreate(given: RawFlags, env: FlowEnvironment): Promise<FlowResult> {
  const { asker } = env;
  const language = env.language ?? 'en';
  const flags: RawFlags = { ...given };
  const body = env.body ?? {};
  const result: FlowResult = { flags };
  const certFlagsGiven = CERT_ATTRS.some((a) => flags[a] !== undefined);

  // Load balancer.
  const lb = first(flags, 'lb', 'loadBalancerId') ?? body.LoadBalancerId;
  if (lb === undefined) {
    flags.lb = await askLoadBalancer(env);
  } else if (typeof lb === 'string') {
    checkGiven(env, ['LoadBalancerId'], lb, '--lb');
  }
  // Its listeners, fetched while the protocol is asked, for the port check.
  const holders = listenersOf(env, String(flags.lb ?? lb));

  // Protocol.
  let protocol: Protocol;
  const givenProtocol = first(flags, 'protocol') ?? body.Protocol;
  if (givenProtocol === undefined) {
    protocol = await asker.select<Protocol>({
      message: 'Protocol',
      choices: PROTOCOLS.map((p) => ({ value: p, name: p, description: PROTOCOL_NOTES[p] })),
      default: certFlagsGiven ? 'HTTPS' : 'TCP',
    });
    flags.protocol = protocol;
  } else {
    checkGiven(env, ['Protocol'], givenProtocol, '--protocol');
    protocol = String(givenProtocol).trim().toUpperCase() as Protocol;
  }

  // Ports.
  const ports = first(flags, 'port', 'ports') ?? body.Ports;
  let askPorts = ports === undefined;
  if (ports !== undefined && (Array.isArray(ports) || typeof ports === 'string')) {
    checkGiven(env, ['Ports'], ports, '--port');
    // A given port the load balancer already uses: say who holds it and ask again.
    const taken = (await clashes(holders, numbers(ports), protocol)).filter((c) => c.certain);
    if (taken.length > 0) {
      env.note([`--port ${taken.map(describeClash).join('; ')}: choose another`], 'warning');
      askPorts = true;
    }
  }
  if (askPorts) {
    const defaultPort = ports === undefined ? DEFAULT_PORTS[protocol] : undefined;
    const typed = splitList(
      await asker.input({
        message: 'Port(s), comma-separated: one listener each',
        ...(defaultPort ? { default: defaultPort } : {}),
        validate: validator(env, nothing, ['Ports'], undefined, async (value) => {
          const taken = (await clashes(holders, numbers(value), protocol)).filter((c) => c.certain);
          return taken.length ? `${taken.map(describeClash).join('; ')}: pick another port` : undefined;
        }),
      }),
    );
    flags.port = typed;
    delete flags.ports;
    const possible = (await clashes(holders, numbers(typed), protocol)).filter((c) => !c.certain);
    if (possible.length) env.note([`${possible.map(describeClash).join('; ')}: the API may refuse the port`], 'warning');
  }

  // SNI (HTTPS only). Certificate flags already say "off".
  let sni = first(flags, 'sniSwitch') ?? body.SniSwitch;
  if (sni !== undefined) sni = coerceScalar(fieldByApi('SniSwitch')!, sni, '--sni-switch');
  const wholeCertificate = [flags.certificate, flags.multiCertInfo, body.Certificate, body.MultiCertInfo].some((v) => v !== undefined);
  if (protocol === 'HTTPS' && sni === undefined && !certFlagsGiven && !wholeCertificate) {
    sni = await asker.select<0 | 1>({
      message: 'SNI',
      choices: [
        { value: 0, name: 'Off: one certificate on the listener', description: 'the certificate is asked for next' },
        {
          value: 1,
          name: 'On: certificates go on the domain rules',
          description: 'no listener certificate is asked for; give each domain its certificate when you add its rule',
        },
      ],
      default: 0,
    });
    if (sni === 1) {
      flags.sniSwitch = '1';
      // The domains, each with its certificate, become the listener's forwarding rules (domains.ts).
      if (flags.rule === undefined && (await asker.confirm({ message: say(language, RULE_PROMPTS.addDomains), default: true }))) {
        const listed = listCertificates(env, 'SVR');
        flags.rule = await askDomains({
          input: (config) => asker.input(config),
          select: (config) => asker.select(config),
          certificate: () => askServerCertificate(env, [], false, 'UNIDIRECTIONAL', undefined, listed),
          note: (lines) => env.note(lines),
          now: env.now,
          language,
        });
      } else if (flags.rule === undefined) env.note([say(language, RULE_PROMPTS.laterNote)]);
    }
  }

  if (needsListenerCertificate(protocol, sni) && !wholeCertificate) await askCertificates(flags, env, result);
  return result;
}

const upper = (v: unknown): string | undefined => (v === undefined ? undefined : String(v).trim().toUpperCase());

async function askCertificates(flags: RawFlags, env: FlowEnvironment, result: FlowResult): Promise<void> {
  const { asker } = env;
  const serverGiven = first(flags, 'certId', 'certFile', 'keyFile') !== undefined;
  const caGiven = first(flags, 'caCertId', 'caFile') !== undefined;
  // The account's certificates, listed while the first questions are answered.
  const listed: CertificateLists = {
    SVR: serverGiven ? undefined : listCertificates(env, 'SVR'),
    CA: caGiven ? undefined : listCertificates(env, 'CA'),
  };

  // The --cert-* flags describe one Certificate: given any, there is one server certificate.
  const several = CERT_ATTRS.some((a) => flags[a] !== undefined)
    ? false
    : await asker.select<boolean>({
        message: 'Server certificates',
        choices: [
          { value: false, name: 'One certificate' },
          {
            value: true,
            name: 'Several, of different algorithms (e.g. RSA and ECC)',
            description: 'sent as MultiCertInfo; each client gets one it supports',
          },
        ],
        default: false,
      });

  let mode = upper(flags.sslMode) ?? (caGiven || flags.sslVerifyClient !== undefined ? 'MUTUAL' : undefined);
  if (mode === undefined) {
    mode = await asker.select<string>({
      message: 'SSL mode',
      choices: [
        { value: 'UNIDIRECTIONAL', name: 'One-way (UNIDIRECTIONAL)', description: 'clients check the server certificate' },
        { value: 'MUTUAL', name: 'Mutual (MUTUAL)', description: 'the listener also checks client certificates against a CA' },
      ],
      default: 'UNIDIRECTIONAL',
    });
  }
  const mutual = mode === 'MUTUAL';

  const servers: ServerEntry[] = [];
  if (!serverGiven) {
    for (;;) {
      const defaultName = servers.length === 0 && typeof flags.certName === 'string' ? flags.certName : undefined;
      servers.push(await askServerCertificate(env, servers, several, mode, defaultName, listed.SVR));
      if (!several) break;
      const more = await asker.confirm({ message: 'Add another server certificate (of another algorithm)?', default: servers.length < 2 });
      if (!more) break;
    }
  }

  let ca: CaEntry | undefined;
  if (mutual && !caGiven) ca = await askCa(env, servers, several, typeof flags.caName === 'string' ? flags.caName : undefined, listed.CA);
  let verify = upper(flags.sslVerifyClient);
  if (mutual && verify === undefined) {
    verify = await asker.select<string>({
      message: 'Client certificates',
      choices: [
        { value: 'ON', name: 'Required (ON)', description: 'connections without a certificate the CA signed are refused' },
        { value: 'OPTIONAL', name: 'Optional (OPTIONAL)', description: 'a client certificate is checked when one is presented' },
      ],
      default: 'ON',
    });
  }

  if (several) {
    result.multiCertInfo = multiCertPlan(mode, servers, ca, mutual ? verify : undefined);
    // Everything now lives in MultiCertInfo; certificate flags would make a second Certificate.
    for (const attr of CERT_ATTRS) delete flags[attr];
    return;
  }
  const [server] = servers;
  if (server?.kind === 'id') flags.certId = server.id;
  if (server?.kind === 'upload') Object.assign(flags, { certFile: server.cert.path, keyFile: server.keyPath, certName: server.name });
  if (mutual) flags.sslMode = 'MUTUAL';
  if (ca?.kind === 'id') flags.caCertId = ca.id;
  if (ca?.kind === 'upload') Object.assign(flags, { caFile: ca.cert.path, caName: ca.name });
  if (mutual) flags.sslVerifyClient = verify;
}

function multiCertPlan(mode: string, servers: ServerEntry[], ca: CaEntry | undefined, verify: string | undefined): MultiCertPlan {
  const entry = (e: ServerEntry | CaEntry, byReference: boolean): Record<string, unknown> => {
    if (e.kind === 'id') return { CertId: e.id };
    const content = byReference ? `file://${e.cert.path}` : e.cert.content;
    if (!('keyPath' in e)) return { CertName: e.name, CertContent: content };
    return { CertName: e.name, CertContent: content, CertKey: byReference ? `file://${e.keyPath}` : e.key };
  };
  const build = (byReference: boolean): Record<string, unknown> => ({
    SSLMode: mode,
    // The CA goes last: with ids alone, that is where it is looked for.
    CertList: [...servers, ...(ca ? [ca] : [])].map((e) => entry(e, byReference)),
    ...(verify ? { SSLVerifyClient: verify } : {}),
  });
  return { value: build(false), byReference: build(true) };
}

/** An entry of MultiCertInfo.CertList as checked so far (placeholders where a value is not asked yet). */
function entryOf(e: ServerEntry | CaEntry): Record<string, unknown> {
  if (e.kind === 'id') return { CertId: e.id };
  return 'keyPath' in e
    ? { CertName: e.name, CertContent: e.cert.content, CertKey: e.key }
    : { CertName: e.name, CertContent: e.cert.content };
}

/**
 * Where the next certificate goes, and the request around it that the answer is checked in:
 * `Certificate` for one certificate, the next entry of `MultiCertInfo.CertList` for several.
 */
function certificateSlot(
  several: boolean,
  mode: string,
  earlier: readonly (ServerEntry | CaEntry)[],
  fields: { single: string; entry: Record<string, unknown> },
): { partial: Record<string, unknown>; at: (key: string) => Path; labels: (path: Path) => string | undefined } {
  if (!several) {
    return {
      partial: { Certificate: { SSLMode: mode, ...fields.entry } },
      at: (key) => ['Certificate', key === 'CertContent' ? fields.single : key],
      labels: () => undefined,
    };
  }
  const index = earlier.length;
  return {
    partial: { MultiCertInfo: { SSLMode: mode, CertList: [...earlier.map(entryOf), fields.entry] } },
    at: (key) => ['MultiCertInfo', 'CertList', index, key],
    // Earlier entries are named by what the person gave for them: their file or id.
    labels: (path) => {
      const entry = path[0] === 'MultiCertInfo' && path[1] === 'CertList' && typeof path[2] === 'number' ? earlier[path[2]] : undefined;
      return entry === undefined ? undefined : entry.kind === 'id' ? entry.id : entry.cert.path;
    },
  };
}

async function askServerCertificate(
  env: FlowEnvironment,
  earlier: ServerEntry[],
  several: boolean,
  mode: string,
  defaultName: string | undefined,
  listing: Promise<Listing> | undefined,
): Promise<ServerEntry> {
  const { asker } = env;
  const n = earlier.length + 1;
  const account = await listingFor(env, listing, "the account's server certificates");
  const usable = account?.items?.filter((c) => !c.expired).length ?? 0;
  const source = await asker.select<'upload' | 'id' | 'pick'>({
    message: several ? `Server certificate ${n}` : 'Server certificate',
    choices: [
      ...(account?.items?.length
        ? [{ value: 'pick' as const, name: `An existing certificate in the account (${certificateCount(account.items)})` }]
        : []),
      { value: 'upload', name: 'Upload from PEM files (certificate and private key)' },
      {
        value: 'id',
        name: 'Type an existing certificate id (SSL Certificate Service)',
        ...(account?.items?.length === 0 ? { description: 'the account has no server certificates listed' } : {}),
      },
    ],
    default: usable > 0 ? 'pick' : 'upload',
  });
  const usedIds = earlier.flatMap((e) => (e.kind === 'id' ? [e.id] : []));
  if (source === 'pick') {
    // Each algorithm once in MultiCertInfo: the uploads' (from their files) and the picks' (from the list).
    const usedAlgorithms = [
      ...earlier.flatMap((e) => (e.kind === 'upload' && e.cert.parsed ? [e.cert.parsed.algorithm] : [])),
      ...pickedAlgorithms(earlier, account!.items!),
    ];
    const picked = await pickCertificate(env, account!.items!, {
      message: !several ? 'Certificate' : n === 1 ? 'Certificate 1' : `Certificate ${n} (an algorithm not used above)`,
      used: usedIds,
      usedAlgorithms: several ? usedAlgorithms : [],
    });
    if (picked) return { kind: 'id', id: picked };
  }
  if (source !== 'upload') {
    const slot = certificateSlot(several, mode, earlier, { single: 'CertContent', entry: {} });
    const id = await asker.input({
      message: several && n > 1 ? 'Certificate id (of an algorithm not used above)' : 'Certificate id',
      validate: validator(
        env,
        () => slot.partial,
        slot.at('CertId'),
        (v) => (usedIds.includes(v) ? `${v} is already in the list` : undefined),
      ),
    });
    return { kind: 'id', id: id.trim() };
  }

  // The key is asked next: an empty placeholder marks the entry as a server certificate meanwhile.
  const certSlot = certificateSlot(several, mode, earlier, { single: 'CertContent', entry: { CertKey: '' } });
  const cert = await askPemFile(env, 'Certificate PEM file', (path) =>
    readPemAnswer(env.readText, path, certSlot.partial, certSlot.at('CertContent'), env.now, certSlot.labels),
  );

  const keySlot = certificateSlot(several, mode, earlier, { single: 'CertContent', entry: { CertContent: cert.content } });
  let key = '';
  const typedKey = await asker.input({
    message: 'Private key PEM file',
    validate: async (text) => {
      const path = expandPath(text, env.env);
      const certAt = keySlot.at('CertContent');
      const labels = (p: Path): string | undefined => (samePath(p, certAt) ? cert.path : keySlot.labels(p));
      const read = await readPemAnswer(env.readText, path, keySlot.partial, keySlot.at('CertKey'), env.now, labels);
      if (typeof read === 'string') return read;
      key = read.content;
      return true;
    },
  });
  // Two certificates for one name (RSA and ECC) get names that tell them apart.
  const usedNames = earlier.flatMap((e) => (e.kind === 'upload' ? [e.name] : []));
  const fromSubject = nameFromSubject(cert.parsed?.summary, 'server-cert');
  const algorithm = cert.parsed?.algorithm.toLowerCase() ?? String(n);
  const nameSlot = certificateSlot(several, mode, earlier, { single: 'CertContent', entry: {} });
  const name = await asker.input({
    message: 'Certificate name',
    default: defaultName ?? (usedNames.includes(fromSubject) ? `${fromSubject}-${algorithm}` : fromSubject),
    validate: validator(env, () => nameSlot.partial, nameSlot.at('CertName')),
  });
  return { kind: 'upload', cert, keyPath: expandPath(typedKey, env.env), key, name: name.trim() };
}

/**
 * Asks for a certificate file until `check` accepts it (a string is a reason to ask again), then
 * shows what the file holds and any warning about it.
 */
async function askPemFile(
  env: FlowEnvironment,
  message: string,
  check: (path: string) => Promise<CheckedCertificate | string>,
): Promise<CheckedCertificate> {
  let accepted: CheckedCertificate | undefined;
  await env.asker.input({
    message,
    validate: async (text) => {
      const result = await check(expandPath(text, env.env));
      if (typeof result === 'string') return result;
      accepted = result;
      return true;
    },
  });
  const cert = accepted!;
  env.note(describeCertificate(cert, env.now));
  if (cert.warnings.length) env.note(cert.warnings, 'warning');
  return cert;
}

async function askCa(
  env: FlowEnvironment,
  servers: readonly ServerEntry[],
  several: boolean,
  defaultName: string | undefined,
  listing: Promise<Listing> | undefined,
): Promise<CaEntry> {
  const { asker } = env;
  const account = await listingFor(env, listing, "the account's CA certificates");
  const usable = account?.items?.filter((c) => !c.expired).length ?? 0;
  const source = await asker.select<'upload' | 'id' | 'pick'>({
    message: 'Client CA certificate (mutual TLS)',
    choices: [
      ...(account?.items?.length
        ? [{ value: 'pick' as const, name: `An existing CA certificate in the account (${certificateCount(account.items)})` }]
        : []),
      { value: 'upload', name: 'Upload a CA PEM file' },
      {
        value: 'id',
        name: 'Type an existing CA certificate id',
        ...(account?.items?.length === 0 ? { description: 'the account has no CA certificates listed' } : {}),
      },
    ],
    default: usable > 0 ? 'pick' : 'upload',
  });
  if (source === 'pick') {
    const picked = await pickCertificate(env, account!.items!, { message: 'CA certificate', used: [], usedAlgorithms: [] });
    if (picked) return { kind: 'id', id: picked };
  }
  const slot = certificateSlot(several, 'MUTUAL', servers, { single: 'CertCaContent', entry: {} });
  const at = (key: 'Id' | 'Content' | 'Name'): Path => (several ? slot.at(`Cert${key}`) : ['Certificate', `CertCa${key}`]);
  if (source !== 'upload') {
    const id = await asker.input({ message: 'CA certificate id', validate: validator(env, () => slot.partial, at('Id')) });
    return { kind: 'id', id: id.trim() };
  }
  const cert = await askPemFile(env, 'CA certificate PEM file', (path) =>
    readPemAnswer(env.readText, path, slot.partial, at('Content'), env.now),
  );
  const name = await asker.input({
    message: 'CA certificate name',
    default: defaultName ?? nameFromSubject(cert.parsed?.summary, 'client-ca'),
    validate: validator(env, () => slot.partial, at('Name')),
  });
  return { kind: 'upload', cert, name: name.trim() };
}
// ---- certificates from the account -----------------------------------------------------------

/** A certificate listing: the items, or why they could not be had (said when the question comes). */
interface Listing {
  items?: CertificateItem[];
  problem?: string;
}

interface CertificateLists {
  SVR: Promise<Listing> | undefined;
  CA: Promise<Listing> | undefined;
}

function listCertificates(env: FlowEnvironment, type: 'SVR' | 'CA'): Promise<Listing> | undefined {
  const { account } = env;
  if (!account) return undefined;
  const what = type === 'SVR' ? 'server certificates' : 'CA certificates';
  return account.certificates(type, env.signal).then(
    (items) => ({ items }),
    (error: unknown) => ({ problem: `could not list the account's ${what} (${reason(error)}); upload one or type its id` }),
  );
}

/**
 * The listing a question offers from, once it is there: a line saying it is being listed while
 * it is not (at a terminal, a spinner), and why it could not be had, if so. Said only here, when
 * the question that needs it comes: a CA listing that fails says nothing to a one-way TLS run.
 */
async function listingFor(env: FlowEnvironment, listing: Promise<Listing> | undefined, what: string): Promise<Listing | undefined> {
  if (!listing) return undefined;
  const result = await (env.waiting ? env.waiting(`listing ${what}…`, listing) : listing);
  if (result.problem && !env.signal?.aborted) env.note([result.problem], 'warning');
  return result;
}

function certificateCount(items: readonly CertificateItem[]): string {
  const expired = items.filter((c) => c.expired).length;
  return expired ? `${items.length}, ${expired} expired` : `${items.length}`;
}

/** `RSA 2048` → `RSA`: the family MultiCertInfo allows once. */
function algorithmFamily(algorithm: string): string {
  return algorithm
    .trim()
    .split(/[\s_-]+/)[0]!
    .toUpperCase();
}

/** The algorithm families of the certificates already picked by id from the list. */
function pickedAlgorithms(earlier: readonly ServerEntry[], items: readonly CertificateItem[]): string[] {
  return earlier.flatMap((e) => {
    const found = e.kind === 'id' ? items.find((c) => c.id === e.id) : undefined;
    return found?.algorithm ? [algorithmFamily(found.algorithm)] : [];
  });
}

/** `2027-10-30 12:00:00` → `2027-10-30`. */
const day = (time: string) => time.slice(0, 10);

/**
 * A certificate from the account's list (searchable by id, domain or alias): expired ones marked,
 * ones already chosen (or of an algorithm already chosen) not selectable. Returns undefined when
 * the person chooses to type an id instead. An expired or not-yet-issued choice is a warning:
 * refusing it is the API's call.
 */
async function pickCertificate(
  env: FlowEnvironment,
  items: readonly CertificateItem[],
  options: { message: string; used: readonly string[]; usedAlgorithms: readonly string[] },
): Promise<string | undefined> {
  const width = (f: (c: CertificateItem) => string) => Math.max(0, ...items.map((c) => f(c).length));
  const [id, domain, algorithm] = [width((c) => c.id), width((c) => c.domain), width((c) => c.algorithm)];
  const TYPE = '\u0000type';
  const picked = await env.asker.search<string>({
    message: `${options.message} (type to filter)`,
    source: async (term) => {
      const text = term?.trim().toLowerCase() ?? '';
      const shown = items.filter((c) => !text || [c.id, c.domain, c.alias].some((f) => f.toLowerCase().includes(text)));
      const choices: Choice<string>[] = shown.map((c) => {
        const state = c.expired
          ? `expired ${day(c.expires)}`.trim()
          : c.status !== undefined && c.status !== 1
            ? `not issued (status ${c.status})`
            : `expires ${day(c.expires) || '?'}`;
        const family = algorithmFamily(c.algorithm);
        const disabled = options.used.includes(c.id)
          ? 'already in the list'
          : options.usedAlgorithms.includes(family)
            ? `${family} is already in the list`
            : undefined;
        return {
          value: c.id,
          // The state says it once: `expired 2026-10-27`, `expires 2027-10-30`, `not issued`.
          name: [c.id.padEnd(id), c.domain.padEnd(domain), c.algorithm.padEnd(algorithm), state].join('  '),
          short: c.id,
          ...(c.alias ? { description: `alias ${c.alias}` } : {}),
          ...(disabled ? { disabled } : {}),
        };
      });
      choices.push({ value: TYPE, name: 'Type an id instead' });
      return choices;
    },
  });
  if (picked === TYPE) return undefined;
  const chosen = items.find((c) => c.id === picked)!;
  if (chosen.expired) {
    const warning = `certificate ${chosen.id} (${chosen.domain}) expired on ${day(chosen.expires)}: clients will refuse it`;
    env.note([warning], 'warning');
  } else if (chosen.status !== undefined && chosen.status !== 1) {
    const warning = `certificate ${chosen.id} (${chosen.domain}) is not issued (status ${chosen.status}); the API may refuse it`;
    env.note([warning], 'warning');
  }
  return chosen.id;
}
