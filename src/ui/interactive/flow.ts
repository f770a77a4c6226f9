/**
 * The questions of `create -i`, in order, asking only for what the flags (and a --from-file body)
 * did not give: load balancer, protocol, ports, SNI, then the certificates. Each answer is a
 * typed value for its field with a prompt origin naming the flag that gives it (for several
 * certificates, one MultiCertInfo object); index.ts puts them into the draft of the given flags.
 * Every typed value is checked against the field tables as it is typed.
 */
import { CERTIFICATE_FLAGS, PROTOCOLS, fieldByApi, type Protocol } from '../../model/fields.js';
import { coerceScalar, splitList, type ReadText } from '../../model/coerce.js';
import { needsListenerCertificate } from '../../model/rules.js';
import { attributeOf } from '../../model/flags.js';
import { nameFromSubject } from '../../model/certificates.js';
import { pathText, type Path } from '../../model/paths.js';
import { type Draft, type Origin, withOrigin, withValue } from '../../model/draft.js';
import { problemsRefusal, type RawFlags } from '../../model/request.js';
import { checkAnswerIn, validateDraft } from '../../model/validate.js';
import { PromptCancelledError, type Asker, type Choice } from './asker.js';
import { LOAD_BALANCER_PAGE, type AccountLookup, type CertificateItem, type LoadBalancerItem } from './account.js';
import { describeClash, portClashes, type ExistingListener, type PortClash } from '../../model/ports.js';
import { describeCertificate, expandPath, readPemAnswer, type CheckedCertificate } from './certs.js';
import { type Language, type Params, say, type Text } from '../../core/i18n.js';
import { ASK } from './interactive.messages.js';
import { displayWidth, padEndWidth } from '../../core/width.js';
import { askDomains } from './domains.js';
import { RULE_PROMPTS } from './rule-prompts.js';
import { USAGE_TEXTS } from '../../core/usage-texts.js';

export interface FlowEnvironment {
  asker: Asker;
  readText: ReadText;
  now: number;
  env: Record<string, string | undefined>;
  /** The `--from-file` body, whose fields count as given. */
  body: Record<string, unknown> | undefined;
  /**
   * What the flags and the body gave, each value with its origin: answers are checked in it (with
   * the answers before them), and a given value is refused in its own words before any question.
   */
  draft: Draft;
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

/** `text` in the flow's language. */
const t = (env: Pick<FlowEnvironment, 'language'>, text: Text, params?: Params): string => say(env.language ?? 'en', text, params);

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

/** One answer: the value (typed as its field wants it) for `path`, and how a command line would give it. */
export interface Answer {
  path: Path;
  value: unknown;
  origin: Origin;
}

export interface FlowResult {
  /** What the questions added, in the order asked: put into the draft of the given flags, each over its field. */
  answers: Answer[];
  /** The domains of an SNI listener, each with its certificate, as --rule values (sent after the listener). */
  rules?: string[];
}

/** An answer the equivalent command gives with `flag text`. */
function answer(path: Path, value: unknown, flag: string, text: string): Answer {
  return { path, value, origin: { kind: 'prompt', flag, text } };
}

// ---- checking answers with the request's one validator -------------------------------------

/** What is known before a question: the given draft with the answers so far over it. */
function known(env: FlowEnvironment, result: FlowResult): Draft {
  let draft = env.draft;
  for (const { path, value, origin } of result.answers) draft = withValue(draft, path, value, origin);
  return draft;
}

/** A prompt's validate function: the answer checked at `path` of the draft `draft()` gives, by the model's rules. */
function validator(
  env: FlowEnvironment,
  draft: () => Draft,
  path: Path,
  extra?: (value: string) => string | undefined,
  remote?: (value: string) => Promise<string | undefined>,
) {
  return async (text: string): Promise<true | string> =>
    checkAnswerIn(draft(), path, text, { now: env.now, ...lang(env) }).problem ??
    extra?.(text.trim()) ??
    (await remote?.(text.trim())) ??
    true;
}

/**
 * A value given by flag or body that the model would refuse: refused now, before any question,
 * named where it came from (`--load-balancer-id`, `listener.json: Protocol`).
 */
function checkGiven(env: FlowEnvironment, path: Path): void {
  const at = pathText(path);
  const { refusals } = validateDraft(env.draft, { now: env.now, ...lang(env) });
  const problems = refusals.filter((p) => p.path === at || p.path?.startsWith(`${at}[`) || p.path?.startsWith(`${at}.`));
  if (problems.length) throw problemsRefusal(problems);
}

// ---- what was given ------------------------------------------------------------------------

const first = (flags: RawFlags, ...names: string[]): unknown => names.map((n) => flags[n]).find((v) => v !== undefined);

const lang = (env: Pick<FlowEnvironment, 'language'>) => (env.language ? { language: env.language } : {});

const PROTOCOL_NOTES: Record<Protocol, Text> = {
  TCP: ASK.protocolTCP,
  UDP: ASK.protocolUDP,
  HTTP: ASK.protocolHTTP,
  HTTPS: ASK.protocolHTTPS,
  TCP_SSL: ASK.protocolTCP_SSL,
  QUIC: ASK.protocolQUIC,
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

function loadBalancerChoices(env: FlowEnvironment, items: readonly LoadBalancerItem[]): Choice<string>[] {
  // Names line up by terminal columns (a Chinese name takes two a character).
  const width = (f: (lb: LoadBalancerItem) => string) => Math.max(0, ...items.map((lb) => displayWidth(f(lb))));
  const vip = (lb: LoadBalancerItem) => lb.vips.join(',');
  const [name, vips, type] = [width((lb) => lb.name), width(vip), width((lb) => lb.type)];
  return items.map((lb) => ({
    value: lb.id,
    name: [
      lb.id,
      padEndWidth(lb.name, name),
      padEndWidth(vip(lb), vips),
      padEndWidth(lb.type, type),
      lb.listeners === undefined ? t(env, ASK.listenerCountUnknown) : t(env, ASK.listenerCount, { count: lb.listeners }),
    ].join('  '),
    short: lb.id,
  }));
}

/** A load balancer id the request would accept, to offer as typed or to look up. */
const acceptableId = (env: FlowEnvironment, text: string): boolean =>
  checkAnswerIn(env.draft, ['LoadBalancerId'], text, { now: env.now, ...lang(env) }).problem === undefined;

/**
 * The typed text as an id of its own, when the list does not have it: offered plainly when it has
 * the usual shape (lb- and 8 lower-case letters or digits); of another shape (the model only
 * warns: no source states the format) only once nothing listed matches it, saying so, so that
 * the first letters of a listed id are never offered as an id.
 */
function typedId(env: FlowEnvironment, text: string, found: readonly LoadBalancerItem[]): Choice<string> | undefined {
  if (!text || found.some((lb) => lb.id === text)) return undefined;
  const check = checkAnswerIn(env.draft, ['LoadBalancerId'], text, { now: env.now, ...lang(env) });
  if (check.problem) return undefined;
  const description = t(env, ASK.notListedWhy);
  if (check.warnings.length === 0) return { value: text, name: t(env, ASK.notListedUse, { id: text }), description, short: text };
  if (found.length > 0) return undefined;
  return { value: text, name: t(env, ASK.notListedOdd, { id: text }), description, short: text };
}

/**
 * The load balancer: picked from a searchable list of the account's (a page at a time, more on
 * demand, the API searched for what is not loaded yet), or typed; typed when the list cannot be
 * had, with a note saying why.
 */
async function askLoadBalancer(env: FlowEnvironment): Promise<string> {
  const { asker, account } = env;
  const typed = async (): Promise<string> =>
    (await asker.input({ message: t(env, ASK.loadBalancerId), validate: validator(env, () => env.draft, ['LoadBalancerId']) })).trim();
  if (!account) return typed();
  let loaded: LoadBalancerItem[];
  let total: number;
  try {
    ({ items: loaded, total } = await account.loadBalancers({ offset: 0 }, env.signal));
  } catch (error) {
    if (cancelled(env)) throw new PromptCancelledError();
    env.note([t(env, ASK.cannotListLoadBalancers, { reason: reason(error) })], 'warning');
    return typed();
  }
  if (total === 0) {
    env.note([t(env, ASK.noLoadBalancers, { region: account.region })], 'warning');
    return typed();
  }
  const matches = (text: string) => (lb: LoadBalancerItem) =>
    [lb.id, lb.name, ...lb.vips].some((field) => field.toLowerCase().includes(text.toLowerCase()));

  let first: string | undefined;
  for (;;) {
    const picked = await asker.search<string>({
      // Typing filters by id, name or VIP (and searches the API for what is not loaded yet).
      message: t(env, ASK.loadBalancerSearch, { region: account.region }),
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
        const choices = loadBalancerChoices(env, found);
        const typed = typedId(env, text, found);
        if (typed) choices.push(typed);
        if (!text && loaded.length < total) {
          choices.push({
            value: MORE,
            name: t(env, ASK.moreLoadBalancers, {
              count: total - loaded.length,
              page: Math.min(LOAD_BALANCER_PAGE, total - loaded.length),
            }),
          });
        }
        if (problem) choices.push({ value: MORE, name: t(env, ASK.searchFailed, { reason: problem }), disabled: true });
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
      env.note([t(env, ASK.cannotListMore, { reason: reason(error) })], 'warning');
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
      env.note([t(env, ASK.cannotListListeners, { lb: loadBalancerId, reason: reason(error) })], 'warning');
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

export async function askCreate(flags: Readonly<RawFlags>, env: FlowEnvironment): Promise<FlowResult> {
  const { asker } = env;
  const language = env.language ?? 'en';
  const body = env.body ?? {};
  const result: FlowResult = { answers: [] };
  const certFlagsGiven = CERT_ATTRS.some((a) => flags[a] !== undefined);

  // Load balancer.
  let lb = first(flags, 'lb', 'loadBalancerId') ?? body.LoadBalancerId;
  if (lb === undefined) {
    lb = await askLoadBalancer(env);
    result.answers.push(answer(['LoadBalancerId'], lb, '--lb', String(lb)));
  } else if (typeof lb === 'string') {
    checkGiven(env, ['LoadBalancerId']);
  }
  // Its listeners, fetched while the protocol is asked, for the port check.
  const holders = listenersOf(env, String(lb));

  // Protocol.
  let protocol: Protocol;
  const givenProtocol = first(flags, 'protocol') ?? body.Protocol;
  if (givenProtocol === undefined) {
    protocol = await asker.select<Protocol>({
      message: t(env, ASK.protocol),
      choices: PROTOCOLS.map((p) => ({ value: p, name: p, description: t(env, PROTOCOL_NOTES[p]) })),
      default: certFlagsGiven ? 'HTTPS' : 'TCP',
    });
    result.answers.push(answer(['Protocol'], protocol, '--protocol', protocol));
  } else {
    checkGiven(env, ['Protocol']);
    protocol = String(givenProtocol).trim().toUpperCase() as Protocol;
  }

  // Ports.
  const ports = first(flags, 'port', 'ports') ?? body.Ports;
  let askPorts = ports === undefined;
  if (ports !== undefined && (Array.isArray(ports) || typeof ports === 'string')) {
    checkGiven(env, ['Ports']);
    // A given port the load balancer already uses: say who holds it and ask again.
    const taken = (await clashes(holders, numbers(ports), protocol)).filter((c) => c.certain);
    if (taken.length > 0) {
      env.note([t(env, ASK.portTakenChooseAnother, { clashes: taken.map((c) => describeClash(c, env.language)).join('; ') })], 'warning');
      askPorts = true;
    }
  }
  if (askPorts) {
    const defaultPort = ports === undefined ? DEFAULT_PORTS[protocol] : undefined;
    const typed = splitList(
      await asker.input({
        message: t(env, ASK.ports),
        ...(defaultPort ? { default: defaultPort } : {}),
        validate: validator(
          env,
          () => known(env, result),
          ['Ports'],
          undefined,
          async (value) => {
            const taken = (await clashes(holders, numbers(value), protocol)).filter((c) => c.certain);
            return taken.length
              ? t(env, ASK.portTakenPickAnother, { clashes: taken.map((c) => describeClash(c, env.language)).join('; ') })
              : undefined;
          },
        ),
      }),
    );
    result.answers.push(answer(['Ports'], coerceScalar(fieldByApi('Ports')!, typed, ''), '--port', typed.join(',')));
    const possible = (await clashes(holders, numbers(typed), protocol)).filter((c) => !c.certain);
    if (possible.length)
      env.note([t(env, ASK.portMayBeRefused, { clashes: possible.map((c) => describeClash(c, env.language)).join('; ') })], 'warning');
  }

  // SNI (HTTPS only). Certificate flags already say "off".
  let sni = first(flags, 'sniSwitch') ?? body.SniSwitch;
  if (sni !== undefined) sni = coerceScalar(fieldByApi('SniSwitch')!, sni, '--sni-switch');
  const wholeCertificate = [flags.certificate, flags.multiCertInfo, body.Certificate, body.MultiCertInfo].some((v) => v !== undefined);
  if (protocol === 'HTTPS' && sni === undefined && !certFlagsGiven && !wholeCertificate) {
    sni = await asker.select<0 | 1>({
      message: t(env, ASK.sni),
      choices: [
        { value: 0, name: t(env, ASK.sniOff), description: t(env, ASK.sniOffWhy) },
        { value: 1, name: t(env, ASK.sniOn), description: t(env, ASK.sniOnWhy) },
      ],
      default: 0,
    });
    if (sni === 1) {
      result.answers.push(answer(['SniSwitch'], 1, '--sni-switch', '1'));
      // The domains, each with its certificate, become the listener's forwarding rules (domains.ts).
      if (flags.rule === undefined && (await asker.confirm({ message: say(language, RULE_PROMPTS.addDomains), default: true }))) {
        const listed = listCertificates(env, 'SVR');
        result.rules = await askDomains({
          input: (config) => asker.input(config),
          select: (config) => asker.select(config),
          certificate: () => askServerCertificate({ ...env, draft: known(env, result) }, [], false, 'UNIDIRECTIONAL', undefined, listed),
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

async function askCertificates(flags: Readonly<RawFlags>, env: FlowEnvironment, result: FlowResult): Promise<void> {
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
        message: t(env, ASK.serverCertificates),
        choices: [
          { value: false, name: t(env, ASK.oneCertificate) },
          { value: true, name: t(env, ASK.severalCertificates), description: t(env, ASK.severalWhy) },
        ],
        default: false,
      });

  let mode = upper(flags.sslMode) ?? (caGiven || flags.sslVerifyClient !== undefined ? 'MUTUAL' : undefined);
  if (mode === undefined) {
    mode = await asker.select<string>({
      message: t(env, ASK.sslMode),
      choices: [
        { value: 'UNIDIRECTIONAL', name: t(env, ASK.oneWay), description: t(env, ASK.oneWayWhy) },
        { value: 'MUTUAL', name: t(env, ASK.mutual), description: t(env, ASK.mutualWhy) },
      ],
      default: 'UNIDIRECTIONAL',
    });
  }
  const mutual = mode === 'MUTUAL';

  const servers: ServerEntry[] = [];
  if (!serverGiven) {
    for (;;) {
      const defaultName = servers.length === 0 && typeof flags.certName === 'string' ? flags.certName : undefined;
      servers.push(await askServerCertificate({ ...env, draft: known(env, result) }, servers, several, mode, defaultName, listed.SVR));
      if (!several) break;
      const more = await asker.confirm({ message: t(env, ASK.addAnother), default: servers.length < 2 });
      if (!more) break;
    }
  }

  let ca: CaEntry | undefined;
  if (mutual && !caGiven) {
    const caName = typeof flags.caName === 'string' ? flags.caName : undefined;
    ca = await askCa({ ...env, draft: known(env, result) }, servers, several, caName, listed.CA);
  }
  let verify = upper(flags.sslVerifyClient);
  if (mutual && verify === undefined) {
    verify = await asker.select<string>({
      message: t(env, ASK.clientCertificates),
      choices: [
        { value: 'ON', name: t(env, ASK.required), description: t(env, ASK.requiredWhy) },
        { value: 'OPTIONAL', name: t(env, ASK.optional), description: t(env, ASK.optionalWhy) },
      ],
      default: 'ON',
    });
  }

  const { answers } = result;
  if (several) {
    // Several certificates (no --cert-* flag was given): all of them in MultiCertInfo.
    const plan = multiCertPlan(mode, servers, ca, mutual ? verify : undefined);
    answers.push(answer(['MultiCertInfo'], plan.value, '--multi-cert-info', JSON.stringify(plan.byReference)));
    return;
  }
  const [server] = servers;
  const at = (key: string): Path => ['Certificate', key];
  if (server?.kind === 'id') answers.push(answer(at('CertId'), server.id, '--cert-id', server.id));
  if (server?.kind === 'upload') {
    answers.push(answer(at('CertContent'), server.cert.content, '--cert-file', server.cert.path));
    answers.push(answer(at('CertKey'), server.key, '--key-file', server.keyPath));
    answers.push(answer(at('CertName'), server.name, '--cert-name', server.name));
  }
  if (mutual) answers.push(answer(at('SSLMode'), 'MUTUAL', '--ssl-mode', 'MUTUAL'));
  else if (flags.sslMode === undefined)
    answers.push({ path: at('SSLMode'), value: 'UNIDIRECTIONAL', origin: { kind: 'default', flag: '--ssl-mode' } });
  if (ca?.kind === 'id') answers.push(answer(at('CertCaId'), ca.id, '--ca-cert-id', ca.id));
  if (ca?.kind === 'upload') {
    answers.push(answer(at('CertCaContent'), ca.cert.content, '--ca-file', ca.cert.path));
    answers.push(answer(at('CertCaName'), ca.name, '--ca-name', ca.name));
  }
  if (mutual && verify !== undefined) answers.push(answer(at('SSLVerifyClient'), verify, '--ssl-verify-client', verify));
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
 * Where the next certificate goes, and the draft its answers are checked in: what is known (the
 * flags, the body, the answers so far) with the certificate being put together over it, every
 * value of that an answer: `Certificate` for one certificate, the next entry of
 * `MultiCertInfo.CertList` for several, the earlier entries named by what the person gave for
 * them (their file or id).
 */
function certificateSlot(
  env: FlowEnvironment,
  several: boolean,
  mode: string,
  earlier: readonly (ServerEntry | CaEntry)[],
  fields: { single: string; entry: Record<string, unknown> },
): { draft: Draft; at: (key: string) => Path } {
  const answer: Origin = { kind: 'prompt' };
  // The key is named as the questions name it (the private key file), not by its API field.
  const key: Origin = { kind: 'prompt', label: keyQuestion(env.language ?? 'en') };
  if (!several) {
    const draft = withValue(env.draft, ['Certificate'], { SSLMode: mode, ...fields.entry }, answer);
    return {
      draft: withOrigin(draft, ['Certificate', 'CertKey'], key),
      at: (name) => ['Certificate', name === 'CertContent' ? fields.single : name],
    };
  }
  const index = earlier.length;
  let draft = withValue(env.draft, ['MultiCertInfo'], { SSLMode: mode, CertList: [...earlier.map(entryOf), fields.entry] }, answer);
  for (const [i, entry] of earlier.entries())
    draft = withOrigin(draft, ['MultiCertInfo', 'CertList', i], {
      kind: 'prompt',
      label: entry.kind === 'id' ? entry.id : entry.cert.path,
    });
  draft = withOrigin(draft, ['MultiCertInfo', 'CertList', index, 'CertKey'], key);
  return { draft, at: (name) => ['MultiCertInfo', 'CertList', index, name] };
}

/** A certificate's key as the questions name it (not by its API field, CertKey). */
const keyQuestion = (language: Language): string => say(language, USAGE_TEXTS.privateKeyQuestion);

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
  const account = await listingFor(env, listing, t(env, ASK.listingServer));
  const usable = account?.items?.filter((c) => !c.expired).length ?? 0;
  const source = await asker.select<'upload' | 'id' | 'pick'>({
    message: several ? t(env, ASK.serverCertificateN, { n }) : t(env, ASK.serverCertificate),
    choices: [
      ...(account?.items?.length
        ? [{ value: 'pick' as const, name: t(env, ASK.pickExisting, { count: certificateCount(env, account.items) }) }]
        : []),
      { value: 'upload', name: t(env, ASK.uploadPem) },
      {
        value: 'id',
        name: t(env, ASK.typeExistingId),
        ...(account?.items?.length === 0 ? { description: t(env, ASK.noServerCertificates) } : {}),
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
      message: !several ? t(env, ASK.certificate) : n === 1 ? t(env, ASK.certificateN, { n }) : t(env, ASK.certificateOther, { n }),
      used: usedIds,
      usedAlgorithms: several ? usedAlgorithms : [],
    });
    if (picked) return { kind: 'id', id: picked };
  }
  if (source !== 'upload') {
    const slot = certificateSlot(env, several, mode, earlier, { single: 'CertContent', entry: {} });
    const id = await asker.input({
      message: several && n > 1 ? t(env, ASK.certificateIdOther) : t(env, ASK.certificateId),
      validate: validator(
        env,
        () => slot.draft,
        slot.at('CertId'),
        (v) => (usedIds.includes(v) ? t(env, ASK.alreadyListed, { id: v }) : undefined),
      ),
    });
    return { kind: 'id', id: id.trim() };
  }

  // The key is asked next: an empty placeholder marks the entry as a server certificate meanwhile.
  const certSlot = certificateSlot(env, several, mode, earlier, { single: 'CertContent', entry: { CertKey: '' } });
  const cert = await askPemFile(env, t(env, ASK.certificatePem), (path) =>
    readPemAnswer(env.readText, path, certSlot.draft, certSlot.at('CertContent'), env.now, env.language),
  );

  const keySlot = certificateSlot(env, several, mode, earlier, { single: 'CertContent', entry: { CertContent: cert.content } });
  let key = '';
  const ask = asker.path ? asker.path.bind(asker) : asker.input.bind(asker);
  const typedKey = await ask({
    message: t(env, ASK.privateKeyPem),
    validate: async (text: string) => {
      const path = expandPath(text, env.env);
      const certAt = keySlot.at('CertContent');
      // The certificate just read is named by its file.
      const draft = withOrigin(keySlot.draft, certAt, { kind: 'prompt', label: cert.path });
      const read = await readPemAnswer(env.readText, path, draft, keySlot.at('CertKey'), env.now, env.language);
      if (typeof read === 'string') return read;
      key = read.content;
      return true;
    },
  });
  // Two certificates for one name (RSA and ECC) get names that tell them apart.
  const usedNames = earlier.flatMap((e) => (e.kind === 'upload' ? [e.name] : []));
  const fromSubject = nameFromSubject(cert.parsed?.summary, 'server-cert');
  const algorithm = cert.parsed?.algorithm.toLowerCase() ?? String(n);
  const nameSlot = certificateSlot(env, several, mode, earlier, { single: 'CertContent', entry: {} });
  const name = await asker.input({
    message: t(env, ASK.certificateName),
    default: defaultName ?? (usedNames.includes(fromSubject) ? `${fromSubject}-${algorithm}` : fromSubject),
    validate: validator(env, () => nameSlot.draft, nameSlot.at('CertName')),
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
  const validate = async (text: string): Promise<true | string> => {
    const result = await check(expandPath(text, env.env));
    if (typeof result === 'string') return result;
    accepted = result;
    return true;
  };
  // Tab completes the path from the files there, where the asker can.
  await (env.asker.path ? env.asker.path({ message, validate }) : env.asker.input({ message, validate }));
  const cert = accepted!;
  env.note(describeCertificate(cert, env.now, env.language));
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
  const account = await listingFor(env, listing, t(env, ASK.listingCa));
  const usable = account?.items?.filter((c) => !c.expired).length ?? 0;
  const source = await asker.select<'upload' | 'id' | 'pick'>({
    message: t(env, ASK.clientCa),
    choices: [
      ...(account?.items?.length
        ? [{ value: 'pick' as const, name: t(env, ASK.pickExistingCa, { count: certificateCount(env, account.items) }) }]
        : []),
      { value: 'upload', name: t(env, ASK.uploadCa) },
      {
        value: 'id',
        name: t(env, ASK.typeExistingCaId),
        ...(account?.items?.length === 0 ? { description: t(env, ASK.noCaCertificates) } : {}),
      },
    ],
    default: usable > 0 ? 'pick' : 'upload',
  });
  if (source === 'pick') {
    const picked = await pickCertificate(env, account!.items!, { message: t(env, ASK.caCertificate), used: [], usedAlgorithms: [] });
    if (picked) return { kind: 'id', id: picked };
  }
  const slot = certificateSlot(env, several, 'MUTUAL', servers, { single: 'CertCaContent', entry: {} });
  const at = (key: 'Id' | 'Content' | 'Name'): Path => (several ? slot.at(`Cert${key}`) : ['Certificate', `CertCa${key}`]);
  if (source !== 'upload') {
    const id = await asker.input({ message: t(env, ASK.caCertificateId), validate: validator(env, () => slot.draft, at('Id')) });
    return { kind: 'id', id: id.trim() };
  }
  const cert = await askPemFile(env, t(env, ASK.caPem), (path) =>
    readPemAnswer(env.readText, path, slot.draft, at('Content'), env.now, env.language),
  );
  const name = await asker.input({
    message: t(env, ASK.caName),
    default: defaultName ?? nameFromSubject(cert.parsed?.summary, 'client-ca'),
    validate: validator(env, () => slot.draft, at('Name')),
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
  const text = type === 'SVR' ? ASK.cannotListServer : ASK.cannotListCa;
  return account.certificates(type, env.signal).then(
    (items) => ({ items }),
    (error: unknown) => ({ problem: t(env, text, { reason: reason(error) }) }),
  );
}

/**
 * The listing a question offers from, once it is there: a line saying it is being listed while
 * it is not (at a terminal, a spinner), and why it could not be had, if so. Said only here, when
 * the question that needs it comes: a CA listing that fails says nothing to a one-way TLS run.
 */
async function listingFor(env: FlowEnvironment, listing: Promise<Listing> | undefined, what: string): Promise<Listing | undefined> {
  if (!listing) return undefined;
  const result = await (env.waiting ? env.waiting(t(env, ASK.listing, { what }), listing) : listing);
  if (result.problem && !env.signal?.aborted) env.note([result.problem], 'warning');
  return result;
}

function certificateCount(env: FlowEnvironment, items: readonly CertificateItem[]): string {
  const expired = items.filter((c) => c.expired).length;
  return expired ? t(env, ASK.countExpired, { count: items.length, expired }) : `${items.length}`;
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
  const width = (f: (c: CertificateItem) => string) => Math.max(0, ...items.map((c) => displayWidth(f(c))));
  const [id, domain, algorithm] = [width((c) => c.id), width((c) => c.domain), width((c) => c.algorithm)];
  const TYPE = '\u0000type';
  const picked = await env.asker.search<string>({
    message: t(env, ASK.typeToFilter, { question: options.message }),
    source: async (term) => {
      const text = term?.trim().toLowerCase() ?? '';
      const shown = items.filter((c) => !text || [c.id, c.domain, c.alias].some((f) => f.toLowerCase().includes(text)));
      const choices: Choice<string>[] = shown.map((c) => {
        const state = c.expired
          ? t(env, ASK.expiredOn, { day: day(c.expires) }).trim()
          : c.status !== undefined && c.status !== 1
            ? t(env, ASK.notIssued, { status: c.status })
            : t(env, ASK.expiresOn, { day: day(c.expires) || '?' });
        const family = algorithmFamily(c.algorithm);
        const disabled = options.used.includes(c.id)
          ? t(env, ASK.inTheList)
          : options.usedAlgorithms.includes(family)
            ? t(env, ASK.alreadyListed, { id: family })
            : undefined;
        return {
          value: c.id,
          // The state says it once: `expired 2026-10-27`, `expires 2027-10-30`, `not issued`.
          name: [padEndWidth(c.id, id), padEndWidth(c.domain, domain), padEndWidth(c.algorithm, algorithm), state].join('  '),
          short: c.id,
          ...(c.alias ? { description: t(env, ASK.alias, { alias: c.alias }) } : {}),
          ...(disabled ? { disabled } : {}),
        };
      });
      choices.push({ value: TYPE, name: t(env, ASK.typeIdInstead) });
      return choices;
    },
  });
  if (picked === TYPE) return undefined;
  const chosen = items.find((c) => c.id === picked)!;
  if (chosen.expired) {
    const warning = t(env, ASK.pickedExpired, { id: chosen.id, domain: chosen.domain, day: day(chosen.expires) });
    env.note([warning], 'warning');
  } else if (chosen.status !== undefined && chosen.status !== 1) {
    const warning = t(env, ASK.pickedNotIssued, { id: chosen.id, domain: chosen.domain, status: chosen.status });
    env.note([warning], 'warning');
  }
  return chosen.id;
}
