/**
 * Help in both languages: commander's own words (Usage, Options …), the program's and each
 * command's description and options, and the words around them. Examples stay commands; only
 * their comments are said in the run's language.
 */
import { defineMessages } from '../core/i18n.js';

export const HELP = defineMessages({
  // commander's headings and words
  usage: { en: 'Usage:', zh: '用法:' },
  arguments: { en: 'Arguments:', zh: '参数：' },
  options: { en: 'Options:', zh: '选项：' },
  commands: { en: 'Commands:', zh: '命令：' },
  globalOptions: { en: 'Global options:', zh: '全局选项：' },
  choices: { en: 'choices: %{values}', zh: '可选值：%{values}' },
  defaultValue: { en: 'default: %{value}', zh: '默认值：%{value}' },
  helpOption: { en: 'show help', zh: '显示帮助' },
  versionOption: { en: 'print the version', zh: '显示版本号' },
  helpCommand: { en: 'display help for command', zh: '显示命令的帮助' },
  usageHint: { en: "run '%{command} --help' for usage", zh: "运行 '%{command} --help' 查看用法" },
  exitCodes: { en: 'Exit codes:', zh: '退出码：' },

  // the program
  program: {
    en: 'Create and manage Tencent Cloud CLB listeners: validated before sending, signed, and waited on.',
    zh: '创建和管理腾讯云 CLB 监听器：发送前校验、签名，并等待任务完成。',
  },
  profile: {
    en: 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")',
    zh: '凭据配置（与 tccli 兼容；默认：$TCCLI_PROFILE，否则为 "default"）',
  },
  region: { en: 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)', zh: '地域，例如 ap-guangzhou（默认：$TENCENTCLOUD_REGION）' },
  endpoint: {
    en: 'API endpoint; http:// only for loopback (default: https://clb.tencentcloudapi.com)',
    // The address in ASCII brackets: a full-width one after it would push the line past the width.
    zh: 'API 接入点；http:// 仅用于本机回环地址 (默认: https://clb.tencentcloudapi.com)',
  },
  language: {
    en: 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)',
    zh: '消息语言，也用于 API 的消息（默认：$CLB_LISTENER_LANG、配置文件、系统区域设置）',
  },
  output: { en: 'output format', zh: '输出格式' },
  query: { en: 'JMESPath expression applied to the JSON result', zh: '作用于 JSON 结果的 JMESPath 表达式' },
  filter: { en: "same as --query (tccli's name for it)", zh: '同 --query（tccli 中的名称）' },
  noColor: { en: 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)', zh: '关闭颜色（也遵循 NO_COLOR 和 FORCE_COLOR）' },
  requestTimeout: { en: 'timeout of each API request (default: 30)', zh: '每个 API 请求的超时时长（默认：30 秒）' },
  debug: { en: 'redacted wire log on stderr', zh: '在标准错误输出打印脱敏后的通信日志' },
  quiet: { en: 'print only data and errors', zh: '只打印数据和错误' },
  credentials: {
    en: 'Credentials come from the environment, tccli profiles, ~/.tencentcloud/credentials or the CVM role; no option takes a secret key on the command line.',
    zh: '凭据来自环境变量、tccli 配置文件、~/.tencentcloud/credentials 或 CVM 角色；没有任何选项在命令行上接收密钥。',
  },

  // create
  create: {
    en: 'create one listener per port on a load balancer (CreateListener), and wait for it',
    zh: '在负载均衡上为每个端口创建一个监听器（CreateListener），并等待完成',
  },
  createRun: { en: 'Input, waiting and output:', zh: '输入、等待与输出：' },
  fromFile: {
    en: 'request body with API field names, JSON or YAML ("-" = stdin)',
    zh: '使用 API 字段名的请求体，JSON 或 YAML（"-" 表示标准输入）',
  },
  cliInputJson: {
    en: "same as --from-file (tccli's name; file://PATH, a path or -)",
    zh: '同 --from-file（tccli 中的名称；file://PATH、路径或 -）',
  },
  skeleton: { en: 'print a request body with every field, for --from-file', zh: '打印包含全部字段的请求体，供 --from-file 使用' },
  generateCliSkeleton: { en: "same as --skeleton (tccli's name)", zh: '同 --skeleton（tccli 中的名称）' },
  dryRun: {
    en: 'validate and print the request that would be sent; send nothing',
    zh: '校验并打印将要发送的请求；不发送任何请求',
  },
  interactive: {
    en: 'ask for what the flags did not give (certificates walk-through)',
    zh: '逐项询问选项未给出的内容（含证书引导）',
  },
  validate: {
    en: 'check the request against the API rules (the default; overrides CLB_LISTENER_VALIDATE and the profile)',
    zh: '按 API 规则校验请求（默认开启；优先于 CLB_LISTENER_VALIDATE 和配置文件）',
  },
  noValidate: {
    en: 'send what was given after type checks; rule violations become warnings (or CLB_LISTENER_VALIDATE=false)',
    zh: '仅做类型检查后发送；违反规则只作警告（或设置 CLB_LISTENER_VALIDATE=false）',
  },
  ifNotExists: {
    en: 'keep listeners already on the ports (same protocol and name), create only the missing ones',
    zh: '保留端口上已有的监听器（协议和名称相同），只创建缺少的',
  },
  noWait: {
    en: 'return once the API accepts; follow later with clb-listener wait',
    zh: 'API 接受请求后立即返回；之后可用 clb-listener wait 跟踪',
  },
  waitTimeout: { en: 'give up waiting after this long, exit 5 (default: 300)', zh: '等待超过此时长后放弃，退出码 5（默认：300 秒）' },
  createExamples: {
    en: `
Examples (the CreateListener API page's cases):
  # HTTPS with an existing certificate
  clb-listener create --lb lb-cuxw2rm0 --port 7572 --protocol HTTPS \\
    --cert-id MsJyaXVm
  # TCP with a health check
  clb-listener create --lb lb-cuxw2rm0 --port 7571 --protocol TCP \\
    --health-check \\
    HealthSwitch=1,TimeOut=5,IntervalTime=7,HealthNum=4,UnHealthNum=4
  # HTTPS uploading a new certificate (the key is read from a file, never argv)
  clb-listener create --lb lb-cuxw2rm0 --port 7573 --protocol HTTPS \\
    --cert-file server.crt --key-file server.key --cert-name my-cert
  # UDP with the default PING health check
  clb-listener create --lb lb-6wlxe9rj --port 432 --protocol UDP \\
    --name lis_test --health-check on
  # two TCP listeners at once, named by position
  clb-listener create --lb lb-cuxw2rm0 --port 7570,7569 --protocol TCP \\
    --name lis1,lis0
  # rescheduling
  clb-listener create --lb lb-fd9kpk4s --port 5689 --protocol tcp \\
    --reschedule-target-zero-weight --reschedule-unhealthy \\
    --reschedule-expand-target --reschedule-start-time 25 \\
    --reschedule-interval 50
  # TCP with two backends (weight 10 and 50), waiting until they are healthy
  clb-listener create --lb lb-cuxw2rm0 --port 7574 --protocol TCP \\
    --target ins-1a2b3c4d:8080 --target ins-5e6f7g8h:8080:50 \\
    --wait-healthy 2m
  # HTTPS with SNI: two domains, each with its own certificate
  clb-listener create --lb lb-cuxw2rm0 --port 443 --protocol HTTPS \\
    --sni-switch 1 \\
    --rule 'Domain=www.example.com,Url=/,Certificate={"CertId":"MsJyaXVm"}' \\
    --rule 'Domain=api.example.com,Url=/,Certificate={"CertId":"Ecc0Cert"}'
  # safe to re-run (CI): listeners already there are kept, their ids printed
  clb-listener create --lb lb-cuxw2rm0 --port 80,443 --protocol TCP \\
    --if-not-exists
  # from a request body (JSON or YAML, API field names); flags beside it
  # override its fields
  clb-listener create --skeleton > req.json  # every field, example values
  $EDITOR req.json                           # keep what applies, fill it in
  clb-listener create --from-file req.json --port 8080
`,
    zh: `
示例（CreateListener API 文档中的用例）：
  # HTTPS，使用已有证书
  clb-listener create --lb lb-cuxw2rm0 --port 7572 --protocol HTTPS \\
    --cert-id MsJyaXVm
  # TCP，带健康检查
  clb-listener create --lb lb-cuxw2rm0 --port 7571 --protocol TCP \\
    --health-check \\
    HealthSwitch=1,TimeOut=5,IntervalTime=7,HealthNum=4,UnHealthNum=4
  # HTTPS，上传新证书（私钥从文件读取，绝不经由命令行参数）
  clb-listener create --lb lb-cuxw2rm0 --port 7573 --protocol HTTPS \\
    --cert-file server.crt --key-file server.key --cert-name my-cert
  # UDP，使用默认的 PING 健康检查
  clb-listener create --lb lb-6wlxe9rj --port 432 --protocol UDP \\
    --name lis_test --health-check on
  # 一次创建两个 TCP 监听器，名称按位置对应
  clb-listener create --lb lb-cuxw2rm0 --port 7570,7569 --protocol TCP \\
    --name lis1,lis0
  # 重新调度
  clb-listener create --lb lb-fd9kpk4s --port 5689 --protocol tcp \\
    --reschedule-target-zero-weight --reschedule-unhealthy \\
    --reschedule-expand-target --reschedule-start-time 25 \\
    --reschedule-interval 50
  # TCP，两个后端（权重 10 和 50），并等待其健康检查通过
  clb-listener create --lb lb-cuxw2rm0 --port 7574 --protocol TCP \\
    --target ins-1a2b3c4d:8080 --target ins-5e6f7g8h:8080:50 \\
    --wait-healthy 2m
  # HTTPS 开启 SNI：两个域名，各有自己的证书
  clb-listener create --lb lb-cuxw2rm0 --port 443 --protocol HTTPS \\
    --sni-switch 1 \\
    --rule 'Domain=www.example.com,Url=/,Certificate={"CertId":"MsJyaXVm"}' \\
    --rule 'Domain=api.example.com,Url=/,Certificate={"CertId":"Ecc0Cert"}'
  # 可安全重复运行（CI）：已存在的监听器保留，并打印其 ID
  clb-listener create --lb lb-cuxw2rm0 --port 80,443 --protocol TCP \\
    --if-not-exists
  # 使用请求体（JSON 或 YAML，API 字段名）；同时给出的选项
  # 会覆盖其中的字段
  clb-listener create --skeleton > req.json  # 全部字段，示例值
  $EDITOR req.json                           # 保留适用的字段并填写
  clb-listener create --from-file req.json --port 8080
`,
  },

  // the other commands' descriptions
  apply: {
    en: 'make load balancers have the listeners a file describes (create, update, and with --prune delete)',
    zh: '使负载均衡拥有文件所描述的监听器（创建、更新，加 --prune 时删除）',
  },
  wait: {
    en: 'wait for a task (the RequestId a write returned) to finish (DescribeTaskStatus)',
    zh: '等待任务（写操作返回的 RequestId）完成（DescribeTaskStatus）',
  },
  list: { en: 'list the listeners of a load balancer (DescribeListeners)', zh: '列出负载均衡的监听器（DescribeListeners）' },
  delete: {
    en: 'delete listeners of a load balancer by id (DeleteLoadBalancerListeners), and wait',
    zh: '按 ID 删除负载均衡的监听器（DeleteLoadBalancerListeners），并等待完成',
  },
  whoami: {
    en: 'show which credentials (SecretId masked), role, region and endpoint commands would use, and where each comes from; calls no CLB API',
    zh: '显示命令将使用的凭据（SecretId 已遮盖）、角色、地域和接入点，以及各自的来源；不调用任何 CLB API',
  },
  completion: { en: 'print the shell completion script for bash, zsh or fish', zh: '打印 bash、zsh 或 fish 的命令补全脚本' },
  configure: {
    en: 'create or update a tccli-compatible profile: prompts in a terminal; use the subcommands in scripts',
    zh: '创建或更新与 tccli 兼容的配置：在终端中逐项询问；脚本中请使用子命令',
  },
  emulator: {
    en: 'run a local CLB API emulator on loopback (for tests, demos and CI)',
    zh: '在本机回环地址上运行 CLB API 模拟器（用于测试、演示和 CI）',
  },
  lb: { en: 'CLB instance id (lb-xxxxxxxx)', zh: 'CLB 实例 ID（lb-xxxxxxxx）' },
  listPort: { en: 'only the listener on this port', zh: '只列出此端口上的监听器' },
  listProtocol: { en: 'only listeners of this protocol', zh: '只列出此协议的监听器' },
  listListenerId: { en: 'only these listeners (repeat or comma-separate)', zh: '只列出这些监听器（可重复或用逗号分隔）' },
  applyFile: {
    en: 'the listeners file, YAML or JSON ("-" = stdin)',
    zh: '监听器文件，YAML 或 JSON（"-" 表示标准输入）',
  },
  applyPlan: {
    en: 'show what would change, per listener; send nothing but reads',
    zh: '按监听器显示将要发生的变更；只读取，不发送其他请求',
  },
  applyDetailed: {
    en: 'with --plan: exit 0 when nothing would change, 10 when changes are pending',
    zh: '与 --plan 同用：无变更时退出码 0，有待执行的变更时为 10',
  },
  applyPrune: {
    en: 'also delete listeners on the named load balancers that the file does not describe, within its prune: scope',
    zh: '同时删除所列负载均衡上文件未描述、且在其 prune: 范围内的监听器',
  },
  applyYes: {
    en: 'do not ask before deleting (needed for --prune without a terminal)',
    zh: '删除前不询问（无终端时使用 --prune 需要此项）',
  },
  applySchema: {
    en: "print the file's JSON Schema (for editors) and exit",
    zh: '打印文件的 JSON Schema（供编辑器使用）后退出',
  },
  applyValidate: {
    en: 'check every entry against the API rules (the default; overrides CLB_LISTENER_VALIDATE and the profile)',
    zh: '按 API 规则校验每一项（默认开启；优先于 CLB_LISTENER_VALIDATE 和配置文件）',
  },
  applyNoValidate: {
    en: 'send what the file gives after type checks; rule violations become warnings',
    zh: '仅做类型检查后发送文件内容；违反规则只作警告',
  },
  applyWaitTimeout: {
    en: 'give up waiting for one task after this long (default: 300)',
    zh: '单个任务等待超过此时长后放弃（默认：300 秒）',
  },
  deleteListenerId: {
    en: 'listener to delete (repeat or comma-separate, at most 20); required',
    zh: '要删除的监听器（可重复或用逗号分隔，最多 20 个）；必填',
  },
  deleteDryRun: {
    en: 'print the request that would be sent; send nothing',
    zh: '打印将要发送的请求；不发送任何请求',
  },
  deleteNoWait: {
    en: 'return once the API accepts',
    zh: 'API 接受请求后立即返回',
  },
  waitRequestId: {
    en: 'the RequestId printed by create --no-wait, or by an interrupted or timed-out create',
    zh: 'create --no-wait，或被中断、超时的 create 所打印的 RequestId',
  },
  waitGiveUp: {
    en: 'give up after this long, exit 5 (default: 300)',
    zh: '超过此时长后放弃，退出码 5（默认：300 秒）',
  },
  applyExamples: {
    en: `
The file (YAML or JSON; CreateListener's own field names; Port or Ports):
  # yaml-language-server: $schema=./listeners.schema.json
  listeners:
    - LoadBalancerId: lb-aaaa1111
      Port: 443
      Protocol: HTTPS
      ListenerName: web
      Certificate: { SSLMode: UNIDIRECTIONAL, CertId: abc123 }
    - LoadBalancerId: lb-aaaa1111
      Ports: [8001, 8002, 8003]
      Protocol: TCP
      HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5 }
  # optional: what --prune may delete (every criterion given must hold);
  # TKE-… and k8s-… listeners are kept unless a names glob starting so matches
  prune:
    names: ["web*"]
    ports: ["8000-8999"]

Examples:
  # what would change; nothing is sent but reads
  clb-listener apply -f listeners.yaml --plan
  # make it so; a second run changes nothing
  clb-listener apply -f listeners.yaml
  # also delete listeners the file does not list (inside its prune: scope)
  clb-listener apply -f listeners.yaml --prune --yes
  # start from what exists
  clb-listener export --lb lb-aaaa1111 > listeners.yaml
  # exit 0: nothing to do, 10: changes pending
  clb-listener apply -f listeners.yaml --plan --detailed-exitcode
  # for editors
  clb-listener apply --schema > listeners.schema.json

Exit codes: 0 converged; 1 a change failed or a conflict (nothing changed for
conflicts); 2 invalid file, nothing sent; 10 changes pending (--plan
--detailed-exitcode); 11 --wait-healthy ran out.
`,
    zh: `
文件（YAML 或 JSON；使用 CreateListener 自己的字段名；Port 或 Ports）：
  # yaml-language-server: $schema=./listeners.schema.json
  listeners:
    - LoadBalancerId: lb-aaaa1111
      Port: 443
      Protocol: HTTPS
      ListenerName: web
      Certificate: { SSLMode: UNIDIRECTIONAL, CertId: abc123 }
    - LoadBalancerId: lb-aaaa1111
      Ports: [8001, 8002, 8003]
      Protocol: TCP
      HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5 }
  # 可选：--prune 可以删除的范围（给出的每个条件都须满足）；
  # TKE-… 和 k8s-… 监听器会保留，除非有以该前缀开头的 names 通配符匹配
  prune:
    names: ["web*"]
    ports: ["8000-8999"]

示例：
  # 将要发生的变更；只读取，不发送其他请求
  clb-listener apply -f listeners.yaml --plan
  # 按文件执行；再运行一次不会有任何变更
  clb-listener apply -f listeners.yaml
  # 同时删除文件未列出的监听器（限于其 prune: 范围）
  clb-listener apply -f listeners.yaml --prune --yes
  # 从现有配置开始
  clb-listener export --lb lb-aaaa1111 > listeners.yaml
  # 退出码 0：无需变更，10：有待执行的变更
  clb-listener apply -f listeners.yaml --plan --detailed-exitcode
  # 供编辑器使用
  clb-listener apply --schema > listeners.schema.json

退出码：0 已一致；1 有变更失败或冲突（冲突时未做任何更改）；2 文件无效，未发送
任何请求；10 有待执行的变更（--plan --detailed-exitcode）；11 --wait-healthy 等待超时。
`,
  },
  examples: { en: 'Examples:', zh: '示例：' },
  example: { en: 'Example:', zh: '示例：' },
});
