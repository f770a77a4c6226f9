/**
 * What `create` prints, shared by the run (which checks --query on a stand-in of it before sending)
 * and the sending side.
 */
import type { CreateListenerRequest } from '../../../model/fields.js';
import type { CreateFlags } from '../../../model/flags.js';
import type { ResultView } from '../../../ui/output.js';
import type { ResultTarget } from './targets.js';
import type { ResultRule } from '../../rules-step.js';
import { RULE_TEXT as T } from '../../rule-text.js';
import { type Language, type Params, say, type Text } from '../../../core/i18n.js';
import { HEADERS } from '../../../ui/table.messages.js';

/** `Creating …`, `Created … in 1.2s: …` and their kin, as one whole sentence each, in `language`. */
export function sayTarget(
  language: Language,
  texts: { one: Text; many: Text },
  request: CreateListenerRequest,
  extra: Params = {},
): string {
  const count = request.Ports.length;
  const ports = request.EndPort ? `${request.Ports[0]}-${request.EndPort}` : request.Ports.join(', ');
  const params = { count, protocol: request.Protocol, lb: request.LoadBalancerId, ports, ...extra };
  return say(language, count === 1 ? texts.one : texts.many, params);
}

export function describeTarget(request: CreateListenerRequest): string {
  const count = request.Ports.length;
  const ports = request.EndPort ? `${request.Ports[0]}-${request.EndPort}` : request.Ports.join(', ');
  return `${count} ${request.Protocol} listener${count === 1 ? '' : 's'} on ${request.LoadBalancerId} (port${count === 1 ? '' : 's'} ${ports})`;
}

export interface ResultListener {
  ListenerId: string;
  Port: number;
  ListenerName: string | null;
  /** With --if-not-exists: whether this run created the listener or found it there. */
  Action?: 'created' | 'existing';
}

export interface Outcome {
  RequestId: string | null;
  /** UNKNOWN: the answer was lost and the listeners were found; their task could not be followed. */
  TaskStatus: 'PENDING' | 'SUCCESS' | 'UNKNOWN';
  listeners: ResultListener[];
  /** Each listener says whether it was created or found (--if-not-exists). */
  withAction: boolean;
  /** With --target: the targets bound to each listener. */
  targets?: ResultTarget[];
  /** With --rule: each listener's rules, with their LocationIds. */
  rules?: ResultRule[];
  /** The run's language, for the table's headings. */
  language?: Language;
}

/** Stand-ins of the real shape, for checking --query before sending. */
export function sampleOutcome(request: CreateListenerRequest, flags: CreateFlags): Outcome {
  return {
    RequestId: '00000000-0000-0000-0000-000000000000',
    TaskStatus: flags.wait ? 'SUCCESS' : 'PENDING',
    listeners: request.Ports.map((port, i) => ({
      ListenerId: 'lbl-00000000',
      Port: port,
      ListenerName: request.ListenerNames?.[i] ?? null,
      Action: 'created',
    })),
    withAction: flags.ifNotExists === true,
  };
}

/** What `create` prints, in every format: the listeners in the order the ports were asked for. */
export function resultView(
  request: CreateListenerRequest,
  outcome: Outcome,
  language: Language = 'en',
): Required<Omit<ResultView, 'jsonLine' | 'decorate'>> {
  const listeners = request.Ports.map((port) => outcome.listeners.find((l) => l.Port === port)).filter(
    (l): l is ResultListener => l !== undefined,
  );
  const shown = listeners.map((l) => ({
    ListenerId: l.ListenerId,
    Port: l.Port,
    ListenerName: l.ListenerName,
    ...(outcome.withAction && l.Action ? { Action: l.Action } : {}),
  }));
  const ListenerIds = listeners.map((l) => l.ListenerId);
  const json = {
    ListenerIds,
    RequestId: outcome.RequestId,
    LoadBalancerId: request.LoadBalancerId,
    Ports: request.Ports,
    Protocol: request.Protocol,
    TaskStatus: outcome.TaskStatus,
    Listeners: shown,
    ...(outcome.targets ? { Targets: outcome.targets } : {}),
  };
  const table = [
    // The column order of list's table, so the two read alike.
    [
      say(language, HEADERS.listenerId),
      say(language, HEADERS.protocol),
      say(language, HEADERS.port),
      say(language, HEADERS.name),
      ...(outcome.withAction ? [say(language, HEADERS.action)] : []),
    ],
    ...shown.map((l) => [
      l.ListenerId,
      request.Protocol,
      String(l.Port),
      l.ListenerName ?? '',
      ...(outcome.withAction ? [l.Action ?? ''] : []),
    ]),
  ];
  if (!outcome.rules) return { json, text: ListenerIds, table };
  const rules = outcome.rules.map((r) => (outcome.withAction ? r : { ...r, Action: undefined }));
  const h = (text: (typeof T)[keyof typeof T]) => say(outcome.language ?? 'en', text);
  const port = new Map(listeners.map((l) => [l.ListenerId, String(l.Port)]));
  return {
    json: { ...json, Rules: rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))) },
    text: [...ListenerIds, ...rules.map((r) => r.LocationId)],
    table: [
      [
        h(T.headListenerId),
        h(T.headPort),
        h(T.headDomain),
        h(T.headUrl),
        h(T.headLocationId),
        ...(outcome.withAction ? [h(T.headAction)] : []),
      ],
      ...rules.map((r) => [
        r.ListenerId,
        port.get(r.ListenerId) ?? '',
        (r.Domains ?? [r.Domain]).join(','),
        r.Url,
        r.LocationId,
        ...(outcome.withAction ? [r.Action ?? ''] : []),
      ]),
    ],
  };
}
