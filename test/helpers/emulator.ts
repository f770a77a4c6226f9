/**
 * Test access to the CLB emulator: start one (spawned as the real CLI, or in this process), drive
 * its control surface, and — for the emulator's own tests — send hand-signed API requests built
 * with the project's signer rather than its API client, so the two are tested independently.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import {
  canonicalRequest,
  credentialScope,
  deriveSigningKeys,
  authorization,
  signature,
  stringToSign,
  utcDate,
  DEFAULT_SIGNED_HEADERS,
} from '../../src/api/signer.js';
import { API_VERSION, SERVICE } from '../../src/api/constants.js';
import {
  startEmulator,
  type EmulatorOptions,
  type EmulatorState,
  type FaultRule,
  type RunningEmulator,
  type TaskView,
} from '../../src/emulator/index.js';
import { FakeClock, registerShared } from './clock.js';
import { EMPTY_HOME } from './run.js';
import { countSpawn } from './spawn-count.js';

export type { EmulatorState, FaultRule, TaskView };

/** dist/test/helpers → the repository root. */
export { REPO_ROOT } from './paths.js';
import { REPO_ROOT } from './paths.js';

export interface EmulatorHandle {
  endpoint: string;
  secretId: string;
  secretKey: string;
  region: string;
  loadBalancers: string[];
  /** The emulator's clock, when the test owns it (in-process); spawned emulators run on real time. */
  clock?: FakeClock;
  /** The emulator's notion of now (its clock), for signing hand-made requests. */
  now?(): number;
  state(): Promise<EmulatorState>;
  faults(rules: FaultRule[]): Promise<void>;
  configure(cfg: { taskDelayMs?: number; rateLimit?: number; listenerQuota?: number; clockOffsetMs?: number }): Promise<void>;
  reset(): Promise<void>;
  /** API requests received (all actions if omitted). */
  requestCount(action?: string): Promise<number>;
  /** Moves the emulator's clock forward: tasks due by then end. */
  advance(ms: number): Promise<void>;
  /** Ends a running task now (all of them without an id), as it was set to end; returns those ended. */
  finishTasks(taskId?: string): Promise<TaskView[]>;
  stop(): Promise<void>;
}

export interface SpawnedEmulator extends EmulatorHandle {
  child: ChildProcess;
  /** Resolves when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

export interface InProcessEmulator extends EmulatorHandle {
  running: RunningEmulator;
}

// ---- plain HTTP --------------------------------------------------------------------------

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request on a fresh connection (no keep-alive pool that could outlive a test). */
export function rawRequest(
  endpoint: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<RawResponse> {
  const url = new URL(options.path ?? '/', endpoint);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'POST',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.timeoutMs !== undefined) {
      // not a wait: the caller's limit on a request that is meant to go unanswered
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    }
    req.end(options.body);
  });
}

async function control<T>(endpoint: string, method: string, name: string, body?: unknown): Promise<T> {
  const res = await rawRequest(endpoint, {
    method,
    path: `/__emulator/${name}`,
    headers: { 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status !== 200) throw new Error(`${method} /__emulator/${name} → ${res.status}: ${res.text}`);
  return JSON.parse(res.text) as T;
}

function controlHandle(
  endpoint: string,
): Omit<EmulatorHandle, 'endpoint' | 'secretId' | 'secretKey' | 'region' | 'loadBalancers' | 'stop' | 'clock' | 'now'> {
  return {
    advance: async (ms) => void (await control(endpoint, 'POST', 'clock', { advanceMs: ms })),
    finishTasks: async (taskId) =>
      (await control<{ tasks: TaskView[] }>(endpoint, 'POST', 'tasks/finish', taskId === undefined ? {} : { TaskId: taskId })).tasks,
    state: () => control<EmulatorState>(endpoint, 'GET', 'state'),
    faults: async (rules) => void (await control(endpoint, 'POST', 'faults', { rules })),
    configure: async (cfg) => void (await control(endpoint, 'POST', 'config', cfg)),
    reset: async () => void (await control(endpoint, 'POST', 'reset')),
    requestCount: async (action) => {
      const { counts } = await control<EmulatorState>(endpoint, 'GET', 'state');
      return action === undefined ? Object.values(counts).reduce((a, b) => a + b, 0) : (counts[action] ?? 0);
    },
  };
}

// ---- starting emulators ------------------------------------------------------------------

const children = new Set<ChildProcess>();
// Last resort: a test runner that dies mid-file must not leave emulators behind.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Spawns `node bin/clb-listener.js emulator --port 0 ...args` and reads its JSON line. Its
 * environment is PATH and an empty HOME: a developer's TENCENTCLOUD_REGION or profile does not
 * change the region it serves.
 */
export function spawnEmulator(args: string[] = []): Promise<SpawnedEmulator> {
  countSpawn();
  const child = spawn(process.execPath, ['bin/clb-listener.js', 'emulator', '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: EMPTY_HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // not a wait: the last resort for an emulator that ignores SIGTERM
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise((resolve, reject) => {
    // not a wait: a generous limit on the emulator's start-up line
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the emulator printed no JSON line within 10 s; stderr: ${err}`));
    }, 10_000);
    const onData = (): void => {
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      try {
        const info = JSON.parse(out.slice(0, newline)) as Pick<
          EmulatorHandle,
          'endpoint' | 'secretId' | 'secretKey' | 'region' | 'loadBalancers'
        >;
        resolve({ ...info, ...controlHandle(info.endpoint), stop, child, exited, stdout: () => out, stderr: () => err });
      } catch (error) {
        void stop();
        reject(error);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}) before it was ready; stderr: ${err}`));
    });
  });
}

/**
 * `startEmulator()` in this process; `running` gives direct access (config, store). Its clock is a
 * FakeClock the test owns (`clock`), unless `realTime` (for a spawned CLI, which runs on real time)
 * or the options bring a clock of their own: tasks end only when that clock reaches them. Commands
 * run against it in-process (`runAgainst`) share the clock, so the CLI's waits move it.
 */
export async function inProcessEmulator(options: EmulatorOptions & { realTime?: boolean } = {}): Promise<InProcessEmulator> {
  const { realTime, ...rest } = options;
  const clock = realTime || rest.now || rest.clock ? undefined : new FakeClock();
  const running = await startEmulator({ ...rest, ...(clock && { clock }) });
  // Effects of an advance (a task ending, the state file) happen at once, not at the next request.
  clock?.onAdvance(() => running.emulator.store.settle());
  const unregister = clock ? registerShared(clock) : () => {};
  const { endpoint, secretId, secretKey, region, loadBalancers } = running;
  return {
    endpoint,
    secretId,
    secretKey,
    region,
    loadBalancers,
    ...controlHandle(endpoint),
    ...(clock && {
      clock,
      advance: async (ms: number) => clock.advance(ms),
    }),
    now: () => running.emulator.clock(),
    finishTasks: async (taskId) => running.emulator.finishTasks(taskId) ?? [],
    stop: async () => {
      unregister();
      await running.close();
    },
    running,
  };
}

// ---- hand-signed API calls ---------------------------------------------------------------

export interface CallOptions {
  secretId?: string;
  secretKey?: string;
  token?: string;
  region?: string | null;
  version?: string | null;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Credential-scope overrides, to test refusals. */
  service?: string;
  scopeDate?: string;
  /** Host header sent and signed; default host:port of the endpoint. */
  host?: string;
  /** Host value used in the signature only (default: the Host sent). */
  signedHost?: string;
  contentType?: string;
  signedHeaders?: string[];
  /** Extra headers; `null` removes a default one (e.g. Authorization). */
  headers?: Record<string, string | null>;
  timeoutMs?: number;
}

export interface Target {
  endpoint: string;
  secretId: string;
  secretKey: string;
  region: string;
  /** The server's clock, when the test knows it; requests are signed at that time. */
  now?(): number;
}

/** Builds, signs (with src/api/signer.ts) and sends one API request. `params` may be a raw body string. */
export async function callApi(target: Target, action: string, params: object | string = {}, opts: CallOptions = {}): Promise<RawResponse> {
  const body = typeof params === 'string' ? params : JSON.stringify(params);
  const timestamp = opts.timestamp ?? Math.floor((target.now?.() ?? Date.now()) / 1000);
  const host = opts.host ?? new URL(target.endpoint).host;
  const headers: Record<string, string> = {
    'Content-Type': opts.contentType ?? 'application/json',
    Host: host,
    'X-TC-Action': action,
    'X-TC-Timestamp': String(timestamp),
  };
  if (opts.version !== null) headers['X-TC-Version'] = opts.version ?? API_VERSION;
  if (opts.region !== null) headers['X-TC-Region'] = opts.region ?? target.region;
  if (opts.token !== undefined) headers['X-TC-Token'] = opts.token;

  const service = opts.service ?? SERVICE;
  const date = opts.scopeDate ?? utcDate(timestamp);
  const { canonicalRequest: canonical, signedHeaders } = canonicalRequest({
    method: 'POST',
    headers: { ...headers, Host: opts.signedHost ?? host },
    signedHeaderNames: opts.signedHeaders ?? DEFAULT_SIGNED_HEADERS,
    payload: body,
  });
  const scope = credentialScope(date, service);
  const { secretSigning } = deriveSigningKeys(opts.secretKey ?? target.secretKey, date, service);
  headers.Authorization = authorization(
    opts.secretId ?? target.secretId,
    scope,
    signedHeaders,
    signature(secretSigning, stringToSign(timestamp, scope, canonical)),
  );

  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return rawRequest(target.endpoint, { headers, body, ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }) });
}

export interface ApiResponse {
  RequestId: string;
  Error?: { Code: string; Message: string };
  [field: string]: unknown;
}

/** `callApi` and the parsed `Response` (asserting the HTTP 200 + envelope the real API gives). */
export async function api(target: Target, action: string, params: object | string = {}, opts: CallOptions = {}): Promise<ApiResponse> {
  const res = await callApi(target, action, params, opts);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
  const parsed = JSON.parse(res.text) as { Response?: ApiResponse };
  if (!parsed.Response || typeof parsed.Response.RequestId !== 'string') throw new Error(`not an API envelope: ${res.text}`);
  return parsed.Response;
}

/**
 * Polls DescribeTaskStatus until Status is not 2, moving the emulator's clock 100 ms between polls
 * (no real waiting); gives up after `maxMs` of emulator time. Returns the final answer.
 */
export async function waitTask(target: Target & Pick<EmulatorHandle, 'advance'>, taskId: string, maxMs = 60_000): Promise<ApiResponse> {
  for (let waited = 0; ; waited += 100) {
    const res = await api(target, 'DescribeTaskStatus', { TaskId: taskId });
    if (res.Error) throw new Error(`DescribeTaskStatus ${taskId}: ${res.Error.Code}: ${res.Error.Message}`);
    if (res.Status !== 2 || waited >= maxMs) return res;
    await target.advance(100);
  }
}
