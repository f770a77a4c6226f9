/**
 * The `apply` file: `listeners:`, a list of CreateListener request bodies (the API's own field
 * names), where `Port` may stand for `Ports: [Port]` and `ListenerName` for `ListenerNames:
 * [ListenerName]`, and string fields of nested objects may be `file://path`. Every entry goes
 * through the same validator and rules as `create`; every problem is reported with its place:
 * `listeners.yaml: listeners[2].HealthCheck.TimeOut must be 2–60, got 99`.
 */
import { InterruptedError, saidIn, UsageError, type Problem } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import { CREATE_LISTENER_FIELDS as FIELDS, type CreateListenerRequest } from './fields.js';
import { coerceNested, coerceScalar, type ReadText } from './coerce.js';
import { collectSecrets } from './request.js';
import { loadValidator, validateDraft } from './validate.js';
import { documentDraft } from './draft.js';
import { portLabel, transportOf } from './ports.js';
import { parsePruneScope, type PruneScope } from './prune-scope.js';
import { readEntryRules } from './rule-file.js';
import type { RuleInput } from './rule-fields.js';
import { LAYER4_PROTOCOLS, type TargetInput } from './target-fields.js';
import { readTargetList, splitFileRuleTargets } from './target-input.js';
import { TARGET_MESSAGES } from './target-messages.js';
import { say, type Language } from '../core/i18n.js';

/** One listener the file asks for: a CreateListener request for exactly one port. */
export interface DesiredListener {
  /** Where it is written: `listeners[2]`, or `listeners[2] (port 8002)` for one of several ports. */
  where: string;
  /** The entry's index in `listeners`. */
  index: number;
  request: CreateListenerRequest;
  /** The entry's `Rules` (forwarding rules, rule-file.ts); undefined when it has none, so they are not managed. */
  rules?: RuleInput[];
  /** `Targets:` of the entry (TCP, UDP, TCP_SSL, QUIC): the set to converge to; absent when the entry has none (its targets are left alone). */
  targets?: TargetInput[];
  /** `Targets:` of the entry's forwarding rules (HTTP/HTTPS), each named by its domain and URL. */
  ruleTargets?: RuleTargets[];
}

/** The targets a forwarding rule converges to; the rule is named by its (first) domain and URL. */
export interface RuleTargets {
  Domain: string;
  Url: string;
  targets: TargetInput[];
}

export interface ListenerFile {
  /** One per port, in file order. */
  listeners: DesiredListener[];
  /** Each entry as validated (its ports together), in file order. */
  entries: CreateListenerRequest[];
  warnings: string[];
  /** Private keys read, so output can redact them. */
  secrets: string[];
  /** What the file owns (its `prune:` block): all `--prune` may delete. Absent: no scope. */
  prune?: PruneScope;
}

const TOP_LEVEL_KEYS = new Set(['listeners', '$schema', 'prune']);

/**
 * Every problem of the file at once (exit 2, nothing sent): the first is the message, named with
 * the file; all are the error's problems, listed one a line (and in full with -o json).
 */
function problemsError(label: string, problems: readonly Problem[], named: ReadonlySet<Problem> = new Set()): UsageError {
  const all = problems.map((p) => (named.has(p) ? p : { ...p, message: `${label}: ${p.message}` }));
  return new UsageError(all[0]!.message, '--file', {
    hint: all[0]!.hint ?? 'nothing was sent; fix the file and run again',
    problems: all,
  });
}

/** A problem of the file's shape, not of a field's value. */
function shapeProblem(field: string, message: string, rule: string): Problem {
  return { field, rule, message };
}

/** `Port` → `Ports`, `ListenerName` → `ListenerNames`; problems are reported, not thrown. */
function normalizeEntry(entry: Record<string, unknown>, at: string, problems: Problem[]): Record<string, unknown> {
  const body: Record<string, unknown> = { ...entry };
  if (body.Port !== undefined) {
    if (body.Ports !== undefined) problems.push(shapeProblem(at, `${at}: give Port or Ports, not both`, 'file.port-or-ports'));
    else body.Ports = Array.isArray(body.Port) ? body.Port : [body.Port];
    delete body.Port;
  }
  if (body.ListenerName !== undefined) {
    if (body.ListenerNames !== undefined)
      problems.push(shapeProblem(at, `${at}: give ListenerName or ListenerNames, not both`, 'file.name-or-names'));
    else if (Array.isArray(body.Ports) && body.Ports.length > 1) {
      problems.push(
        shapeProblem(
          `${at}.ListenerName`,
          `${at}.ListenerName names one listener; with ${body.Ports.length} Ports give ListenerNames, one per port`,
          'file.name-or-names',
        ),
      );
    } else body.ListenerNames = [body.ListenerName];
    delete body.ListenerName;
  }
  return body;
}

/** Values as the model takes them: YAML scalars coerced by the field table, nested `file://` values read. */
async function coerceEntry(body: Record<string, unknown>, at: string, readText: ReadText): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...body };
  for (const spec of FIELDS) {
    const value = out[spec.api];
    if (value === undefined || value === null) continue;
    if (spec.kind === 'object') {
      if (isPlainObject(value))
        out[spec.api] = await coerceNested(spec.nested!, value as Record<string, unknown>, `${at}.${spec.api}`, readText, true);
    } else if (
      (spec.kind === 'enum' && typeof value === 'string') ||
      (spec.kind === 'string-list' && (typeof value === 'string' || Array.isArray(value)))
    ) {
      // Only text is shaped here (enums upper-cased, a name list): a number, switch or boolean
      // written as a string ("80") stays as written and is refused by the type check, as the
      // file's JSON Schema and --from-file say.
      try {
        out[spec.api] = coerceScalar(spec, value, `${at}.${spec.api}`);
      } catch {
        // Left as written: the schema reports it with the rule.
      }
    }
  }
  return out;
}

/**
 * Reads and validates the parsed document of an apply file. `label` names the file in messages;
 * `readText` reads `file://` values (relative to the file). Throws one UsageError listing the
 * problems (exit 2): nothing may be sent for a file that is not valid as a whole.
 */
export async function readListenerFile(
  document: unknown,
  label: string,
  /** `validate: false` (--no-validate): rule violations become warnings; type errors still stop it. */
  options: { readText: ReadText; now: number; validate?: boolean; signal?: AbortSignal; language?: Language },
): Promise<ListenerFile> {
  if (!isPlainObject(document)) throw new UsageError(`${label}: expected an object with a "listeners" list`, '--file');
  await loadValidator();
  const doc = document as Record<string, unknown>;
  const problems: Problem[] = [];
  /** Problems the validator named already, with the file in front. */
  const named = new Set<Problem>();
  for (const key of Object.keys(doc))
    if (!TOP_LEVEL_KEYS.has(key))
      problems.push(
        /^[A-Za-z$][A-Za-z0-9_-]{0,63}$/.test(key)
          ? shapeProblem(key, `"${key}" is not a top-level key (the file holds "listeners" and "prune")`, 'file.keys')
          : shapeProblem(
              '(a key)',
              `a key of ${key.length} characters is not a top-level key (the file holds "listeners" and "prune")`,
              'file.keys',
            ),
      );
  let prune: PruneScope | undefined;
  if (doc.prune !== undefined) {
    const parsed = parsePruneScope(doc.prune);
    problems.push(...parsed.problems);
    prune = parsed.scope;
  }
  if (!Array.isArray(doc.listeners)) {
    problems.push(
      shapeProblem(
        'listeners',
        doc.listeners === undefined ? 'the file has no "listeners" list' : '"listeners" must be a list',
        'file.listeners',
      ),
    );
    throw problemsError(label, problems);
  }
  const entries = doc.listeners as unknown[];
  const absurd = absurdSize(entries);
  if (absurd) throw problemsError(label, [absurd]);
  const result: ListenerFile = { listeners: [], entries: [], warnings: [], secrets: [], ...(prune ? { prune } : {}) };
  // Ctrl-C is heard between entries: a large file is checked with pauses for the event loop.
  const pause = pauser(options.signal);
  for (const [index, raw] of entries.entries()) {
    await pause(1);
    const at = `listeners[${index}]`;
    if (!isPlainObject(raw)) {
      problems.push(shapeProblem(at, `${at} must be an object of CreateListener fields`, 'file.entry'));
      continue;
    }
    const before = problems.length;
    // Forwarding rules (rule-file.ts) and targets are read on their own, once the listener's own fields are known.
    const { Rules: rawRules, Targets: rawTargets, ...listenerFields } = raw as Record<string, unknown>;
    const normalized = normalizeEntry(listenerFields, at, problems);
    if (problems.length > before) continue;
    let body: Record<string, unknown>;
    try {
      body = await coerceEntry(normalized, at, options.readText);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const said = saidIn(options.language ?? 'en', error);
      problems.push({ field: at, rule: 'input', message: said.message, ...(said.hint ? { hint: said.hint } : {}) });
      continue;
    }
    // The same validator as create; findings named by their place in the file.
    result.secrets.push(...collectSecrets(body));
    // apply sends an entry's ports in batches of the most one CreateListener takes.
    const draft = documentDraft(body, label, ['listeners', index]);
    const checked = validateDraft(draft, {
      now: options.now,
      skip: ['Ports.count'],
      ...(options.language ? { language: options.language } : {}),
      ...(options.validate === false ? { validate: false } : {}),
    });
    if (checked.refusals.length > 0) {
      for (const problem of checked.refusals) named.add(problem);
      problems.push(...checked.refusals);
      continue;
    }
    result.warnings.push(...checked.warnings);
    const { request } = checked;
    const language = options.language ?? 'en';
    let targets: TargetInput[] | undefined;
    if (rawTargets !== undefined) {
      if (!(LAYER4_PROTOCOLS as readonly string[]).includes(request.Protocol)) {
        problems.push({
          field: `${at}.Targets`,
          path: `${at}.Targets`,
          rule: 'Targets.protocol',
          message: `${at}.Targets: ${say(language, TARGET_MESSAGES.notForProtocol, { protocol: request.Protocol })}`,
        });
        continue;
      }
      const read = readTargetList(rawTargets, ['listeners', index], problems, { language, validate: options.validate !== false });
      if (!read) continue;
      targets = read.targets;
      result.warnings.push(...read.warnings.map((w) => `${label}: ${w}`));
    }
    // A rule's Targets are not a RuleInput field: taken out here, bound to the rule by its domain and URL.
    const split = splitFileRuleTargets(rawRules, ['listeners', index], problems, { language, validate: options.validate !== false });
    result.warnings.push(...split.warnings.map((w) => `${label}: ${w}`));
    const entryRules = await readEntryRules(
      split.rules,
      index,
      { protocol: request.Protocol, sniSwitch: request.SniSwitch ?? 0 },
      {
        readText: options.readText,
        now: options.now,
        draft,
        ...(options.validate !== undefined ? { validate: options.validate } : {}),
        ...(options.language ? { language: options.language } : {}),
      },
    );
    result.secrets.push(...entryRules.secrets);
    // The rules' findings are named through the entry's draft, the file in front already.
    result.warnings.push(...entryRules.warnings);
    if (entryRules.problems.length > 0) {
      for (const problem of entryRules.named) named.add(problem);
      problems.push(...entryRules.problems);
      continue;
    }
    result.entries.push(request);
    const { ListenerNames: _names, ...rest } = request;
    for (const [i, port] of request.Ports.entries()) {
      await pause(1);
      const name = request.ListenerNames?.[i];
      result.listeners.push({
        where: request.Ports.length > 1 ? `${at} (port ${port})` : at,
        index,
        request: { ...rest, Ports: [port], ...(name !== undefined ? { ListenerNames: [name] } : {}) },
        ...(entryRules.rules ? { rules: entryRules.rules } : {}),
        ...(targets ? { targets } : {}),
        ...(split.ruleTargets.length > 0 ? { ruleTargets: split.ruleTargets } : {}),
      });
    }
  }
  problems.push(...duplicatePorts(result.listeners));
  if (problems.length > 0) throw problemsError(label, problems, named);
  return result;
}

/**
 * The most listeners one file can describe: every port of both port spaces of a load balancer,
 * on a few load balancers. A file beyond it cannot be true (two listeners never share a port) and
 * is refused before anything in it is checked.
 */
export const MAX_FILE_LISTENERS = 65535 * 2 * 4;

/** A list longer than any file could mean, refused at once with its size. */
function absurdSize(entries: readonly unknown[]): Problem | undefined {
  if (entries.length > MAX_FILE_LISTENERS) {
    return shapeProblem(
      'listeners',
      `"listeners" has ${entries.length} entries; a file describes at most ${MAX_FILE_LISTENERS} listeners`,
      'file.size',
    );
  }
  let total = 0;
  for (const [index, entry] of entries.entries()) {
    const body = isPlainObject(entry) ? (entry as Record<string, unknown>) : undefined;
    const ports = body ? (body.Ports ?? body.Port) : undefined;
    if (!Array.isArray(ports)) continue;
    if (ports.length > 65535) {
      return shapeProblem(
        `listeners[${index}].Ports`,
        `listeners[${index}].Ports lists ${ports.length} ports; there are 65535`,
        'file.size',
      );
    }
    total += ports.length;
    if (total > MAX_FILE_LISTENERS) {
      return shapeProblem(
        'listeners',
        `the file lists more than ${MAX_FILE_LISTENERS} ports; a file describes at most that many listeners`,
        'file.size',
      );
    }
  }
  return undefined;
}

/**
 * Lets the event loop run (and so hear Ctrl-C) every few thousand steps of a long check, and
 * stops with nothing sent once the run is interrupted.
 */
function pauser(signal: AbortSignal | undefined): (steps: number) => Promise<void> {
  let count = 0;
  return async (steps) => {
    count += steps;
    if (count < 2048) return;
    count = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw InterruptedError.beforeSending('interrupted while checking the file');
  };
}

/**
 * Two entries for one port of one load balancer (in one port space) cannot both be true. Sorted
 * by start port per load balancer and port space, then swept: n log n, however many ports.
 */
function duplicatePorts(listeners: readonly DesiredListener[]): Problem[] {
  const groups = new Map<string, { listener: DesiredListener; order: number; start: number; end: number }[]>();
  listeners.forEach((listener, order) => {
    const { LoadBalancerId: lb, Protocol, Ports, EndPort } = listener.request;
    const start = Ports[0]!;
    const end = typeof EndPort === 'number' && EndPort > start ? EndPort : start;
    const key = `${lb}\u0000${transportOf(Protocol)}`;
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    group.push({ listener, order, start, end });
  });
  const found: { order: number; problem: Problem }[] = [];
  const reported = new Set<number>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.start - b.start || a.order - b.order);
    // The entry reaching furthest so far: whatever starts before its end overlaps it.
    let reach: (typeof group)[number] | undefined;
    for (const entry of group) {
      if (reach && entry.start <= reach.end) {
        // Named by file order: the later entry is the duplicate of the earlier one.
        const [earlier, later] = reach.order < entry.order ? [reach, entry] : [entry, reach];
        if (!reported.has(later.order)) {
          reported.add(later.order);
          const { LoadBalancerId: lb, Protocol, EndPort } = later.listener.request;
          found.push({
            order: later.order,
            problem: {
              field: later.listener.where,
              path: `listeners[${later.listener.index}].Ports`,
              value: later.start,
              rule: 'file.duplicate-port',
              message: `${later.listener.where}: port ${portLabel(later.start, EndPort)} (${transportOf(Protocol)}) on ${lb} is already described by ${earlier.listener.where}`,
            },
          });
        }
      }
      if (!reach || entry.end > reach.end) reach = entry;
    }
  }
  return found.sort((a, b) => a.order - b.order).map((f) => f.problem);
}
