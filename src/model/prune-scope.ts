/**
 * What an apply file owns, and so what `--prune` may delete (docs/apply.md, "Prune scope"). A file
 * may declare a top-level `prune:` block: `names:` (globs on ListenerName) and/or `ports:` (ports
 * and ranges such as `8000-8999`). Each criterion given must hold for a thing to be inside the
 * scope: a scope only ever narrows what is deleted.
 *
 * Load balancers are shared. Listeners carrying a controller's mark (TKE's `TKE-…` names, and
 * `k8s-…`) are never pruned unless a `names:` glob that itself starts with the mark names them:
 * neither `*` nor a port range does. Without a scope, every other listener of the named load
 * balancers that the file does not describe is in scope, as before scopes existed.
 *
 * The check takes the kind of thing asked about (`listener` today), so that rules and targets can
 * bring criteria of their own without changing how listeners are judged. Pure: no I/O.
 */
import type { Problem } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import { message, render, type Message, type Param, type Params, type Text } from '../core/i18n.js';
import { PRUNE_SCOPE } from './prune-scope.messages.js';

/** What a scope is asked about: a listener, or a forwarding rule or target (each judged by its listener). */
export type PruneKind = 'listener' | 'rule' | 'target';

export interface PortRange {
  from: number;
  to: number;
}

export interface PruneScope {
  /** Globs on ListenerName: `*` any run of characters, `?` one character; case matters. */
  names?: string[];
  /** Ports and port ranges. */
  ports?: PortRange[];
}

/** A thing `--prune` would delete: a listener, by its name and the ports it holds. */
export interface PruneSubject {
  kind: PruneKind;
  name: string | null;
  port: number;
  endPort: number | null;
}

/** `reason` is the English sentence (-o json's); `reasonText` says it in the run's language. */
export type ScopeVerdict =
  | { inScope: true; reason: string; reasonText: Message }
  /** `controller`: kept because its name carries a controller's mark, whatever the ports say. */
  | { inScope: false; reason: string; reasonText: Message; controller?: string };

/**
 * Name prefixes that controllers give the listeners they create and delete (docs/apply.md, "Names
 * controllers use"), matched without case: keeping too much is the safe mistake.
 */
export const CONTROLLER_MARKS: readonly { prefix: string; who: string }[] = [
  { prefix: 'TKE-', who: "TKE's Service/Ingress controllers (TKE-DEDICATED-LISTENER, TKE-LISTENER)" },
  { prefix: 'k8s-', who: 'a Kubernetes controller' },
];

const SCOPE_KEYS = new Set(['names', 'ports']);

export function portRangeLabel(range: PortRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

function parsePort(value: unknown): PortRange | string {
  const bad = `must be a port (1–65535) or a range such as 8000-8999, got ${JSON.stringify(value)}`;
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  if (typeof value === 'number') return valid(value) ? { from: value, to: value } : bad;
  if (typeof value !== 'string') return bad;
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(value);
  if (!match) return bad;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (!valid(from) || !valid(to)) return bad;
  if (to < from) return `${JSON.stringify(value)}: the range ends before it starts`;
  return { from, to };
}

/** Reads the `prune:` block of a file; problems are named by their place (`prune.ports[1]`). */
export function parsePruneScope(value: unknown): { scope?: PruneScope; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ field, path: field, rule: 'file.prune', message: `${field} ${message}` });
  if (!isPlainObject(value)) {
    problem('prune', 'must be an object with "names" (globs on ListenerName) and/or "ports" (ports and ranges)');
    return { problems };
  }
  const block = value as Record<string, unknown>;
  for (const key of Object.keys(block))
    if (!SCOPE_KEYS.has(key)) problem(`prune.${key}`, 'is not a key of prune (it takes "names" and "ports")');
  const scope: PruneScope = {};
  if (block.names !== undefined) {
    if (!Array.isArray(block.names) || block.names.length === 0) problem('prune.names', 'must be a non-empty list of globs');
    else {
      scope.names = [];
      for (const [i, glob] of block.names.entries()) {
        if (typeof glob !== 'string' || glob === '') problem(`prune.names[${i}]`, 'must be a non-empty string (a glob on ListenerName)');
        else scope.names.push(glob);
      }
    }
  }
  if (block.ports !== undefined) {
    if (!Array.isArray(block.ports) || block.ports.length === 0) problem('prune.ports', 'must be a non-empty list of ports and ranges');
    else {
      scope.ports = [];
      for (const [i, port] of block.ports.entries()) {
        const parsed = parsePort(port);
        if (typeof parsed === 'string') problem(`prune.ports[${i}]`, parsed);
        else scope.ports.push(parsed);
      }
    }
  }
  if (block.names === undefined && block.ports === undefined && problems.length === 0)
    problem('prune', 'needs "names" (globs on ListenerName) or "ports" (ports and ranges), or both');
  return problems.length ? { problems } : { scope, problems };
}

/** `web-*` → /^web-.*$/: `*` any run of characters, `?` one, everything else itself. */
export function globMatches(glob: string, text: string): boolean {
  const pattern = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${pattern}$`, 'su').test(text);
}

/** The controller whose mark a name carries, if any. */
export function controllerMark(name: string | null): { prefix: string; who: string } | undefined {
  if (!name) return undefined;
  return CONTROLLER_MARKS.find((mark) => name.toLowerCase().startsWith(mark.prefix.toLowerCase()));
}

/** A glob names a controller's listeners only when it starts with the mark itself (`TKE-*`, `k8s-default-*`). */
function namesMarked(glob: string, mark: { prefix: string }): boolean {
  return glob.toLowerCase().startsWith(mark.prefix.toLowerCase());
}

function quoted(name: string | null): Param {
  return name ? `"${name}"` : PRUNE_SCOPE.noName;
}

/** The verdict's reason in English and as a message. */
function because(text: Text, params: Params = {}): { reason: string; reasonText: Message } {
  const reasonText = message(text, params);
  return { reason: render('en', reasonText), reasonText };
}

/**
 * Whether `--prune` may delete `subject`, and why (the plan prints the reason of each delete and
 * counts what is kept). A subject the file describes is never asked about.
 */
export function scopeCheck(scope: PruneScope | undefined, subject: PruneSubject): ScopeVerdict {
  const mark = controllerMark(subject.name);
  const globs = scope?.names ?? [];
  const markedGlob = mark ? globs.find((g) => namesMarked(g, mark) && globMatches(g, subject.name ?? '')) : undefined;
  if (mark && !markedGlob) {
    return {
      inScope: false,
      controller: mark.who,
      ...because(PRUNE_SCOPE.controllerMark, { name: quoted(subject.name), prefix: mark.prefix, who: mark.who }),
    };
  }
  if (!scope) return { inScope: true, ...because(PRUNE_SCOPE.noScope) };
  const name = quoted(subject.name);
  let glob: string | undefined;
  if (scope.names) {
    glob = markedGlob ?? globs.find((g) => globMatches(g, subject.name ?? ''));
    if (!glob) return { inScope: false, ...because(PRUNE_SCOPE.noGlob, { name }) };
  }
  if (scope.ports) {
    const end = subject.endPort ?? subject.port;
    const range = scope.ports.find((r) => subject.port >= r.from && end <= r.to);
    const single = end === subject.port;
    if (!range)
      return { inScope: false, ...because(single ? PRUNE_SCOPE.portNotWithin : PRUNE_SCOPE.portsNotWithin, { port: subject.port, end }) };
    const portsText = message(single ? PRUNE_SCOPE.port : PRUNE_SCOPE.ports, { port: subject.port, end });
    const ports = { en: render('en', portsText), zh: render('zh', portsText) };
    const within = { ports, range: portRangeLabel(range) };
    return glob
      ? { inScope: true, ...because(PRUNE_SCOPE.inScopeNameAndPorts, { name, glob, ...within }) }
      : { inScope: true, ...because(PRUNE_SCOPE.inScopePorts, within) };
  }
  return { inScope: true, ...because(PRUNE_SCOPE.inScopeName, { name, glob: glob ?? '' }) };
}
