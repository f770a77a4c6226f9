/** The words of the target (backend) options, steps and listings, in English and Simplified Chinese. */
import { defineMessages } from '../core/i18n.js';

export const TARGET_TEXT = defineMessages({
  emulatorInstances: {
    en: 'comma-separated instance ids targets may name (default: ins-emu00001 … ins-emu00008)',
    zh: '后端可使用的实例 ID，逗号分隔（默认：ins-emu00001 … ins-emu00008）',
  },
  emulatorHealthDelay: {
    en: 'how long a newly bound target reports Unknown before Alive (default: 2000)',
    zh: '新绑定的后端在变为 Alive 之前保持 Unknown 的时长，毫秒（默认：2000）',
  },
});

export const TARGET_STEP_TEXT = defineMessages({
  targetOption: {
    en: "a target for the listener: INSTANCE:PORT[:WEIGHT], IP:PORT[:WEIGHT] or JSON with the API's Target fields; repeat for more (TCP, UDP, TCP_SSL, QUIC)",
    zh: '监听器的后端：INSTANCE:PORT[:WEIGHT]、IP:PORT[:WEIGHT] 或含 API Target 字段的 JSON；可重复（TCP、UDP、TCP_SSL、QUIC）',
  },
  waitHealthyOption: {
    en: 'after binding, wait until the targets report healthy (DescribeTargetHealth); give up after SECONDS (default: 300), exit 11',
    zh: '绑定后等待后端健康检查通过（DescribeTargetHealth）；超过 SECONDS 秒（默认 300）则放弃，退出码 11',
  },
  groupTargets: { en: 'Targets (backends):', zh: '后端：' },
  dryRunListener: { en: '<the ListenerId CreateListener returns>', zh: '<CreateListener 返回的 ListenerId>' },
  dryRunLocation: { en: '<the LocationId CreateRule returns>', zh: '<CreateRule 返回的 LocationId>' },
  noWaitWithTargets: {
    en: '--target binds once the listener exists, so create waits for it; drop --no-wait',
    zh: '--target 需要监听器先创建完成，因此 create 必须等待；请去掉 --no-wait',
  },
  waitHealthyNeedsTargets: {
    en: '--wait-healthy needs --target: there is nothing to wait for',
    zh: '--wait-healthy 需要 --target：没有可等待的后端',
  },
  waitHealthyNeedsFileTargets: {
    en: '--wait-healthy waits for the targets the file gives under Targets:, and it gives none',
    zh: '--wait-healthy 等待文件中 Targets: 下的后端，但文件中没有',
  },
  binding: { en: 'Binding %{count} %{count|target|targets} to %{place}', zh: '正在向 %{place} 绑定 %{count} 个后端' },
  bindingChunk: {
    en: 'Binding targets %{from}–%{to} of %{count} to %{place}',
    zh: '正在向 %{place} 绑定第 %{from}–%{to} 个后端（共 %{count} 个）',
  },
  bound: { en: 'Bound %{count} %{count|target|targets} to %{place}', zh: '已向 %{place} 绑定 %{count} 个后端' },
  alreadyBound: { en: 'The targets asked for are bound to %{place} already', zh: '%{place} 上已绑定所需的后端' },
  boundOtherWeight: {
    en: '%{target} is bound to %{place} already, with weight %{weight}; kept (apply -f changes weights)',
    zh: '%{target} 已绑定在 %{place}，权重为 %{weight}；保持不变（apply -f 可修改权重）',
  },
  unbinding: { en: 'Unbinding %{count} %{count|target|targets} from %{place}', zh: '正在从 %{place} 解绑 %{count} 个后端' },
  reweighting: {
    en: 'Changing the weight of %{count} %{count|target|targets} on %{place}',
    zh: '正在修改 %{place} 上 %{count} 个后端的权重',
  },
  lostFound: {
    en: 'the answer to %{action} was lost (%{reason}), but DescribeTargets shows it was done on %{place}; it was not sent again',
    zh: '%{action} 的应答丢失（%{reason}），但 DescribeTargets 显示已在 %{place} 上完成；未重复发送',
  },
  lostNotFound: {
    en: 'the answer to %{action} was lost and DescribeTargets does not show it done on %{place}; it was not sent again',
    zh: '%{action} 的应答丢失，DescribeTargets 未显示其已在 %{place} 上完成；未重复发送',
  },
  checkingLost: { en: 'The answer was lost; checking the targets of %{place}', zh: '应答丢失；正在检查 %{place} 的后端' },
  targetsIncomplete: {
    en: 'the listener %{listener} exists, but its targets were not all bound: %{reason}',
    zh: '监听器 %{listener} 已存在，但其后端未全部绑定：%{reason}',
  },
  targetsIncompleteHint: {
    en: 'done: %{done}; not done: %{notDone}; to finish, run: %{command}',
    zh: '已完成：%{done}；未完成：%{notDone}；如需完成，请运行：%{command}',
  },
  nothing: { en: 'nothing', zh: '无' },
  waitingHealth: {
    en: 'Waiting for %{count} %{count|target|targets} to report healthy',
    zh: '正在等待 %{count} 个后端健康检查通过',
  },
  waitingHealthProgress: {
    en: 'Waiting for targets to report healthy: %{healthy}/%{count} (%{elapsed})',
    zh: '正在等待后端健康检查通过：%{healthy}/%{count}（%{elapsed}）',
  },
  listenerHealthy: { en: '%{place}: %{count} %{count|target|targets} healthy', zh: '%{place}：%{count} 个后端健康' },
  allHealthy: { en: 'All %{count} %{count|target|targets} healthy in %{elapsed}', zh: '全部 %{count} 个后端在 %{elapsed} 内健康' },
  unhealthy: {
    en: '%{count} %{count|target|targets} not healthy after %{seconds}s: %{list}',
    zh: '%{seconds} 秒后仍有 %{count} 个后端不健康：%{list}',
  },
  unhealthyHint: {
    en: "the targets stay bound; check the backends and the listener's health check, then see: %{command}",
    zh: '后端保持绑定；请检查后端服务与监听器的健康检查，然后查看：%{command}',
  },
  healthInterrupted: {
    en: 'interrupted while waiting for the targets to report healthy; they stay bound',
    zh: '等待后端健康检查时被中断；后端保持绑定',
  },
  healthStatus: { en: '%{target} on %{place}: %{health}', zh: '%{place} 上的 %{target}：%{health}' },
  placeListener: { en: '%{listener} (%{protocol} %{port})', zh: '%{listener}（%{protocol} %{port}）' },
  placeRule: { en: '%{listener} rule %{rule}', zh: '%{listener} 的规则 %{rule}' },
});

export const TARGET_COMMAND_TEXT = defineMessages({
  group: { en: 'bind targets (backends) to a listener (RegisterTargets)', zh: '向监听器绑定后端（RegisterTargets）' },
  add: {
    en: 'bind targets to a TCP/UDP/TCP_SSL/QUIC listener, or to a rule of an HTTP/HTTPS one; those already bound are kept (safe to re-run)',
    zh: '向 TCP/UDP/TCP_SSL/QUIC 监听器或 HTTP/HTTPS 监听器的规则绑定后端；已绑定的保持不变（可重复运行）',
  },
  optLb: { en: 'CLB instance id (lb-xxxxxxxx)', zh: 'CLB 实例 ID（lb-xxxxxxxx）' },
  optListenerId: { en: 'the listener (lbl-xxxxxxxx)', zh: '监听器（lbl-xxxxxxxx）' },
  optWaitTimeout: {
    en: 'give up waiting for a task after this long, exit 5 (default: 300)',
    zh: '等待任务超过该时长则放弃，退出码 5（默认：300）',
  },
  optLocationId: { en: 'for an HTTP/HTTPS listener: the rule (loc-xxxxxxxx)', zh: 'HTTP/HTTPS 监听器：转发规则（loc-xxxxxxxx）' },
  optDomain: { en: "for an HTTP/HTTPS listener: the rule's domain (with --url)", zh: 'HTTP/HTTPS 监听器：规则的域名（与 --url 一起）' },
  optUrl: {
    en: "for an HTTP/HTTPS listener: the rule's URL path (with --domain)",
    zh: 'HTTP/HTTPS 监听器：规则的 URL 路径（与 --domain 一起）',
  },
  needRule: {
    en: 'a %{protocol} listener binds targets to a forwarding rule: give --location-id, or --domain and --url',
    zh: '%{protocol} 监听器的后端绑定在转发规则上：请给出 --location-id，或 --domain 与 --url',
  },
  noRuleOnLayer4: {
    en: 'a %{protocol} listener has no forwarding rules: drop --location-id, --domain and --url',
    zh: '%{protocol} 监听器没有转发规则：请去掉 --location-id、--domain 与 --url',
  },
  needTarget: { en: 'give at least one --target', zh: '请至少给出一个 --target' },
  noListener: { en: 'no listener %{listener} on %{lb}; nothing was sent', zh: '%{lb} 上没有监听器 %{listener}；未发送任何请求' },
  headListenerId: { en: 'LISTENER ID', zh: '监听器 ID' },
  headTarget: { en: 'TARGET', zh: '后端' },
  headPort: { en: 'PORT', zh: '端口' },
  headWeight: { en: 'WEIGHT', zh: '权重' },
  headAction: { en: 'ACTION', zh: '操作' },
  listTargets: { en: "also list each listener's targets (DescribeTargets)", zh: '同时列出各监听器的后端（DescribeTargets）' },
  listHealth: {
    en: "also list each target's health (DescribeTargetHealth); implies --targets",
    zh: '同时列出各后端的健康状态（DescribeTargetHealth）；隐含 --targets',
  },
});

export const APPLY_TARGET_TEXT = defineMessages({
  section: { en: 'Targets:', zh: '后端：' },
  withWeight: { en: '%{target} weight %{weight}', zh: '%{target} 权重 %{weight}' },
  targetOn: { en: '%{target} on %{listener}', zh: '%{listener} 上的 %{target}' },
  register: { en: 'register', zh: '绑定' },
  reweight: { en: 'weight', zh: '改权重' },
  deregister: { en: 'deregister', zh: '解绑' },
  registered: { en: 'registered', zh: '已绑定' },
  reweighted: { en: 'reweighted', zh: '已改权重' },
  deregistered: { en: 'deregistered', zh: '已解绑' },
  newListener: { en: '(new listener)', zh: '（新监听器）' },
  keptNotListed: {
    en: '%{count} bound %{count|target|targets} the file does not list, kept (--prune deregisters them)',
    zh: '%{count} 个已绑定但文件未列出的后端保持不变（--prune 会解绑）',
  },
  summary: {
    en: 'Targets: %{register} to register (%{registerCalls} RegisterTargets), %{reweight} to reweight (%{reweightCalls} ModifyTargetWeight), %{deregister} to deregister (%{deregisterCalls} DeregisterTargets), %{unchanged} unchanged.',
    zh: '后端：%{register} 个待绑定（%{registerCalls} 次 RegisterTargets），%{reweight} 个待改权重（%{reweightCalls} 次 ModifyTargetWeight），%{deregister} 个待解绑（%{deregisterCalls} 次 DeregisterTargets），%{unchanged} 个不变。',
  },
  confirmDeregister: {
    en: '--prune would deregister %{count} %{count|target|targets}: %{list}; nothing was sent',
    zh: '--prune 将解绑 %{count} 个后端：%{list}；未发送任何请求',
  },
  confirmDeregisterHint: {
    en: 'add --yes to deregister them, or run with --plan to review',
    zh: '加上 --yes 以解绑，或使用 --plan 先查看',
  },
  confirmDeregisterAsk: { en: 'Deregister %{count} %{count|target|targets}?', zh: '解绑 %{count} 个后端？' },
  targetsDone: { en: '%{loadBalancer}: targets %{tally}', zh: '%{loadBalancer}：后端 %{tally}' },
  notTried: { en: 'not tried', zh: '未尝试' },
  listenerNotReady: { en: 'its listener was not created or changed', zh: '其监听器未能创建或修改' },
  failedSummary: {
    en: '%{count} target %{count|change|changes} did not succeed: %{first}',
    zh: '%{count} 项后端变更未成功：%{first}',
  },
  failedHint: {
    en: 'the summary lists each target; run apply again to do what is left (what was done stays done)',
    zh: '摘要列出了每个后端；再次运行 apply 可完成剩余部分（已完成的保持不变）',
  },
});
