/**
 * The request draft: the one shape every input takes before it is validated. Flags, a
 * --from-file/--cli-input-json body, the answers of `create -i` and the entries of an apply file
 * each build a Draft: the request's values, already typed, and for each value where it came from
 * (its Origin). Validation reads the draft (validate.ts `validateDraft`, the one entry point) and
 * names every finding by looking its path up here: `--port` for the 0 that came from --port,
 * `listener.yaml: HealthCheck.TimeOut` for a value of the file, nothing at all for the question
 * being answered. Nothing guesses afterwards which flag a value came through.
 *
 * A draft is a value: `withValue` and `withOrigin` answer a new draft.
 */
import type { Path } from './paths.js';
import { isUnder, samePath } from './paths.js';

/** Where a value of the request came from, in the words the person used. */
export type Origin =
  /**
   * A flag, as typed (`--port`, not its other spelling `--ports`): `text` is what followed it,
   * `bare` a toggle given alone (`--sni-switch` is on, `--no-sni-switch` off); with neither, the
   * flag only names a value its entries gave (the whole of `Ports`). Paths below the value are
   * named after it (`--health-check TimeOut`). `nth` tells one occurrence of a repeated flag from
   * the others (the second `--rule` of several is `--rule #2`).
   */
  | { kind: 'flag'; flag: string; text?: string; bare?: 'on' | 'off'; nth?: number }
  /**
   * A value the tool filled in (a default said out loud, a certificate name taken from its
   * subject), named by the flag that would set it. `whole`, when set, names the value itself: the
   * Certificate the --cert-* flags built is `--cert-id`, its other fields `--certificate SSLMode`.
   */
  | { kind: 'default'; flag: string; whole?: string }
  /**
   * A document: a --from-file body (`source` its path, or `stdin`) or one entry of an apply file
   * (`base` its place in the file, `['listeners', 2]`). Its fields are named by their path in it.
   */
  | { kind: 'document'; source?: string; base: Path }
  /**
   * An answer of `create -i`. `label` names it in another question's message (the file an earlier
   * answer named); `flag` and `text` give it on a command line (the equivalent command); `nth` as
   * for a flag (the domains an SNI listener's questions gave are `--rule` values).
   */
  | { kind: 'prompt'; label?: string; flag?: string; text?: string; nth?: number }
  /** Given nowhere: named by the flag that would give it (`--load-balancer-id (or --lb)`). */
  | { kind: 'flags' };

export interface Sourced {
  path: Path;
  origin: Origin;
}

export interface Draft {
  /** The request so far, in API shape, each value already of its field's type where it could be typed. */
  readonly body: Readonly<Record<string, unknown>>;
  /** Where the values came from; the longest path that holds a path decides its origin. */
  readonly origins: readonly Sourced[];
  /** The origin of a field the draft does not hold: where it would have to be given. */
  readonly unset: Origin;
}

export function emptyDraft(unset: Origin = { kind: 'flags' }): Draft {
  return { body: {}, origins: [], unset };
}

/**
 * A whole document as a draft: every field of `body` from the document, and what it lacks named
 * in the document's words too.
 */
export function documentDraft(body: Record<string, unknown>, source: string | undefined, base: Path = []): Draft {
  const origin: Origin = { kind: 'document', ...(source !== undefined ? { source } : {}), base };
  return { body: { ...body }, origins: Object.keys(body).map((key) => ({ path: [key], origin })), unset: origin };
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string | number, unknown> = Array.isArray(root)
    ? ([...root] as unknown as Record<number, unknown>)
    : { ...(root && typeof root === 'object' ? root : {}) };
  const child = copy[head];
  copy[head] = rest.length ? setAt(child && typeof child === 'object' ? child : typeof rest[0] === 'number' ? [] : {}, rest, value) : value;
  return copy;
}

/** The draft with `value` at `path`, from `origin`: what was said below `path` before is replaced. */
export function withValue(draft: Draft, path: Path, value: unknown, origin: Origin): Draft {
  return {
    ...draft,
    body: setAt(draft.body, path, value) as Record<string, unknown>,
    origins: [...draft.origins.filter((o) => !isUnder(o.path, path)), { path, origin }],
  };
}

/** The draft with `origin` recorded at `path` (a value put there by an earlier step, named after where it came from). */
export function withOrigin(draft: Draft, path: Path, origin: Origin): Draft {
  return { ...draft, origins: [...draft.origins.filter((o) => !samePath(o.path, path)), { path, origin }] };
}

/** The draft with another origin for what it does not hold. */
export function withUnset(draft: Draft, unset: Origin): Draft {
  return { ...draft, unset };
}

/** Where the value at `path` came from: the recorded origin of the longest path holding it. */
export function originAt(draft: Draft, path: Path): Sourced | undefined {
  let best: Sourced | undefined;
  for (const sourced of draft.origins) {
    if (isUnder(path, sourced.path) && (!best || sourced.path.length >= best.path.length)) best = sourced;
  }
  return best;
}
