/**
 * The `apply` file: `listeners:`, a list of CreateListener request bodies (the API's own field
 * names), where `Port` may stand for `Ports: [Port]` and `ListenerName` for `ListenerNames:
 * [ListenerName]`, and string fields of nested objects may be `file://path`. Every entry goes
 * through the same validator and rules as `create`; every problem is reported with its place:
 * `listeners.yaml: listeners[2].HealthCheck.TimeOut must be 2–60, got 99`.
 */
import { UsageError, type Problem } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import { CREATE_LISTENER_FIELDS as FIELDS, type CreateListenerRequest } from './fields.js';
import { coerceNested, coerceScalar, type ReadText } from './coerce.js';
import { collectSecrets } from './request.js';
import { advisory, blocking, loadValidator, validateCreateListener } from './validate.js';
import { documentNamer, listedFindings, problemOf, renderFinding } from './messages.js';
import { holderOf, portLabel, transportOf } from './ports.js';
import { parsePruneScope, type PruneScope } from './prune-scope.js';
import { LAYER4_PROTOCOLS, type TargetInput } from './target-fields.js';
import { readTargetList, splitFileRuleTargets } from './target-input.js';
import { TARGET_MESSAGES } from './target-messages.js';
import { say, type Language } from '../core/i18n.js';
import { readEntryRules } from './rule-file.js';
import type { RuleInput } from './rule-fields.js';

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
function problemsError(label: string, problems: readonly Problem[]): UsageError {
  const named = problems.map((p) => ({ ...p, message: `${label}: ${p.message}` }));
  return new UsageError(named[0]!.message, '--file', {
    hint: named[0]!.hint ?? 'nothing was sent; fix the file and run again',
    problems: named,
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
    } else if (typeof value === 'string' || (Array.isArray(value) && spec.kind.endsWith('-list'))) {
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
  options: { readText: ReadText; now: number; validate?: boolean; language?: Language },
): Promise<ListenerFile> {
  if (!isPlainObject(document)) throw new UsageError(`${label}: expected an object with a "listeners" list`, '--file');
  await loadValidator();
  const doc = document as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(doc))
    if (!TOP_LEVEL_KEYS.has(key))
      problems.push(shapeProblem(key, `"${key}" is not a top-level key (the file holds "listeners" and "prune")`, 'file.keys'));
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
  const result: ListenerFile = { listeners: [], entries: [], warnings: [], secrets: [], ...(prune ? { prune } : {}) };
  for (const [index, raw] of (doc.listeners as unknown[]).entries()) {
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
      problems.push({ field: at, rule: 'input', message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
      continue;
    }
    // The same validator as create; findings named by their place in the file.
    result.secrets.push(...collectSecrets(body));
    const { request, findings } = validateCreateListener(body, { now: options.now });
    const stops = blocking(findings, options.validate !== false);
    if (stops.length > 0) {
      for (const finding of listedFindings(stops))
        problems.push(problemOf(finding, documentNamer(undefined, ['listeners', index]), body, ['listeners', index]));
      continue;
    }
    for (const finding of advisory(findings, options.validate !== false)) {
      const unchecked = finding.severity === 'refuse' ? ' (not validated: --no-validate)' : '';
      result.warnings.push(`${renderFinding(finding, documentNamer(label, ['listeners', index])).message}${unchecked}`);
    }
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
      const read = readTargetList(rawTargets, `${at}.Targets`, problems, { language, validate: options.validate !== false });
      if (!read) continue;
      targets = read.targets;
      result.warnings.push(...read.warnings.map((w) => `${label}: ${w}`));
    }
    // A rule's Targets are not a RuleInput field: taken out here, bound to the rule by its domain and URL.
    const split = splitFileRuleTargets(rawRules, `${at}.Rules`, problems, { language, validate: options.validate !== false });
    result.warnings.push(...split.warnings.map((w) => `${label}: ${w}`));
    const entryRules = await readEntryRules(
      split.rules,
      index,
      { protocol: request.Protocol, sniSwitch: request.SniSwitch ?? 0 },
      { readText: options.readText, now: options.now, language, ...(options.validate !== undefined ? { validate: options.validate } : {}) },
    );
    result.secrets.push(...entryRules.secrets);
    result.warnings.push(...entryRules.warnings.map((w) => `${label}: ${w}`));
    if (entryRules.problems.length > 0) {
      problems.push(...entryRules.problems);
      continue;
    }
    result.entries.push(request);
    for (const [i, port] of request.Ports.entries()) {
      const name = request.ListenerNames?.[i];
      const { ListenerNames: _names, ...rest } = request;
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
  if (problems.length > 0) throw problemsError(label, problems);
  return result;
}

/** Two entries for one port of one load balancer (in one port space) cannot both be true. */
function duplicatePorts(listeners: readonly DesiredListener[]): Problem[] {
  const problems: Problem[] = [];
  const seen: { lb: string; holder: { ListenerId: string; Protocol: string; Port: number; EndPort: number | null } }[] = [];
  for (const listener of listeners) {
    const { LoadBalancerId: lb, Protocol, Ports, EndPort } = listener.request;
    const port = Ports[0]!;
    const earlier = holderOf(
      seen.filter((s) => s.lb === lb).map((s) => s.holder),
      Protocol,
      port,
      EndPort,
    );
    if (earlier) {
      problems.push({
        field: listener.where,
        path: `listeners[${listener.index}].Ports`,
        value: port,
        rule: 'file.duplicate-port',
        message: `${listener.where}: port ${portLabel(port, EndPort)} (${transportOf(Protocol)}) on ${lb} is already described by ${earlier.ListenerId}`,
      });
    }
    seen.push({ lb, holder: { ListenerId: listener.where, Protocol, Port: port, EndPort: EndPort ?? null } });
  }
  return problems;
}
