/**
 * The control surface for tests, under `/__emulator/` on the API's own port (the real API only
 * ever uses `/`). Unauthenticated, loopback only, and never counted as API requests.
 *
 *   GET    /__emulator/state    → EmulatorState
 *   GET    /__emulator/faults   → { rules: FaultRule[] }   (not yet used up)
 *   POST   /__emulator/faults   { rules: FaultRule[] } → appends
 *   DELETE /__emulator/faults   → clears
 *   POST   /__emulator/reset    → clears listeners, tasks, faults, request log; keeps LBs and keys
 *   POST   /__emulator/config   { taskDelayMs?, rateLimit?, listenerQuota?, clockOffsetMs? } → { config }
 *   POST   /__emulator/keys     { secretId, secretKey, token?, expiresAt? } → adds an accepted key
 *   POST   /__emulator/clock    { advanceMs } → moves the emulator's clock forward; { now }
 *   POST   /__emulator/tasks/finish  { TaskId? } → ends that running task (all without one) now; { tasks }
 *   POST   /__emulator/targets/health  { Target, Port?, Healthy } → marks an instance or IP unhealthy (or healthy again)
 *
 * Answers are JSON: `{ "ok": true, … }`, or `{ "error": "…" }` with 400/404/405.
 */
import { parseJsonObject } from '../core/json.js';
import { parseFaultRule } from './faults.js';
import type { EmulatorKey, EmulatorState, FaultRule, RuntimeConfig, TaskView } from './types.js';
import { CONTROL_CATALOG, type ControlMethod, type ControlPath } from './catalog.js';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlTarget {
  snapshot(): EmulatorState;
  faultRules(): FaultRule[];
  addFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  reset(): void;
  configure(config: Partial<RuntimeConfig>): RuntimeConfig;
  addKey(key: EmulatorKey): void;
  advanceClock(ms: number): number;
  finishTasks(taskId?: string): TaskView[] | undefined;
  setTargetHealth(target: string, port: number | undefined, healthy: boolean): void;
}

export interface ControlAnswer {
  status: number;
  body: unknown;
}

class BadRequest extends Error {}
class NotFound extends Error {}

function jsonObject(body: Buffer): Record<string, unknown> {
  return parseJsonObject(body.toString('utf8'), {
    invalid: () => new BadRequest('the body is not valid JSON'),
    notObject: () => new BadRequest('the body must be a JSON object'),
  });
}

function parseKey(input: Record<string, unknown>): EmulatorKey {
  const { secretId, secretKey, token, expiresAt } = input;
  if (typeof secretId !== 'string' || secretId === '' || typeof secretKey !== 'string' || secretKey === '') {
    throw new BadRequest('secretId and secretKey must be non-empty strings');
  }
  if (token !== undefined && typeof token !== 'string') throw new BadRequest('token must be a string');
  if (expiresAt !== undefined && !Number.isInteger(expiresAt)) throw new BadRequest('expiresAt must be milliseconds since the epoch');
  return { secretId, secretKey, ...(token !== undefined && { token }), ...(expiresAt !== undefined && { expiresAt: expiresAt as number }) };
}

type Route = (body: Buffer, target: ControlTarget) => unknown;

/** One entry per path of the catalog (catalog.ts), which help and docs list: none missing, none extra. */
export const ROUTES: Readonly<Record<ControlPath, Readonly<Partial<Record<ControlMethod, Route>>>>> = {
  state: { GET: (_, t) => t.snapshot() },
  faults: {
    GET: (_, t) => ({ ok: true, rules: t.faultRules() }),
    POST: (body, t) => {
      const { rules } = jsonObject(body);
      if (!Array.isArray(rules)) throw new BadRequest('expected { "rules": [ … ] }');
      // Validate them all before adding any, so a bad batch changes nothing.
      t.addFaults(rules.map(parseFaultRule));
      return { ok: true, rules: t.faultRules() };
    },
    DELETE: (_, t) => {
      t.clearFaults();
      return { ok: true };
    },
  },
  reset: {
    POST: (_, t) => {
      t.reset();
      return { ok: true };
    },
  },
  config: {
    POST: (body, t) => ({ ok: true, config: t.configure(jsonObject(body) as Partial<RuntimeConfig>) /* checked inside configure() */ }),
  },
  keys: {
    POST: (body, t) => {
      t.addKey(parseKey(jsonObject(body)));
      return { ok: true };
    },
  },
  clock: {
    POST: (body, t) => {
      const { advanceMs, ...rest } = jsonObject(body);
      if (Object.keys(rest).length > 0) throw new BadRequest(`unknown field "${Object.keys(rest)[0]}" (known: advanceMs)`);
      if (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs < 0) {
        throw new BadRequest('advanceMs must be an integer >= 0 (the clock only moves forward)');
      }
      return { ok: true, now: t.advanceClock(advanceMs) };
    },
  },
  'tasks/finish': {
    POST: (body, t) => {
      const { TaskId, ...rest } = jsonObject(body);
      if (Object.keys(rest).length > 0) throw new BadRequest(`unknown field "${Object.keys(rest)[0]}" (known: TaskId)`);
      if (TaskId !== undefined && typeof TaskId !== 'string') throw new BadRequest('TaskId must be a string');
      const tasks = t.finishTasks(TaskId);
      if (!tasks) throw new NotFound(`no task ${TaskId}`);
      return { ok: true, tasks };
    },
  },
  'targets/health': {
    POST: (body, t) => {
      const { Target, Port, Healthy, ...rest } = jsonObject(body);
      if (Object.keys(rest).length > 0) throw new BadRequest(`unknown field "${Object.keys(rest)[0]}" (known: Target, Port, Healthy)`);
      if (typeof Target !== 'string' || Target === '') throw new BadRequest('Target must be an instance id or an IP');
      if (Port !== undefined && (typeof Port !== 'number' || !Number.isInteger(Port) || Port < 1 || Port > 65535)) {
        throw new BadRequest('Port must be an integer 1–65535');
      }
      if (typeof Healthy !== 'boolean') throw new BadRequest('Healthy must be true or false');
      t.setTargetHealth(Target, Port as number | undefined, Healthy);
      return { ok: true };
    },
  },
};

export function handleControl(method: string, path: string, body: Buffer, target: ControlTarget): ControlAnswer {
  const name = path.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  const routes = Object.hasOwn(ROUTES, name) ? ROUTES[name as ControlPath] : undefined;
  if (!routes)
    return {
      status: 404,
      body: { error: `no control endpoint ${path}; see ${CONTROL_PREFIX}{${CONTROL_CATALOG.map((c) => c.path).join(',')}}` },
    };
  const route = Object.hasOwn(routes, method) ? routes[method as ControlMethod] : undefined;
  if (!route) return { status: 405, body: { error: `${path} accepts ${Object.keys(routes).join(', ')}` } };
  try {
    return { status: 200, body: route(body, target) };
  } catch (error) {
    if (error instanceof NotFound) return { status: 404, body: { error: error.message } };
    // Validation failures (BadRequest, EmulatorConfigError, bad fault rules) are the caller's.
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}
