/**
 * What the validation rules of rules.ts say about a field, in both languages. The field itself is
 * never named here (the edge names it in the user's words); other fields appear as `{Path}`.
 */
import { defineMessages } from '../core/i18n.js';

export const RULE_MESSAGES = defineMessages({
  rangeBetween: { en: 'must be %{min}–%{max}, got %{value}', zh: '必须在 %{min}–%{max} 之间，实际为 %{value}' },
  rangeAtLeast: { en: 'must be at least %{min}, got %{value}', zh: '必须至少为 %{min}，实际为 %{value}' },
  rangeAtMost: { en: 'must be at most %{max}, got %{value}', zh: '最多为 %{max}，实际为 %{value}' },
  rangeAlsoBetween: {
    en: 'must be %{also} or %{min}–%{max}, got %{value}',
    zh: '必须为 %{also} 或在 %{min}–%{max} 之间，实际为 %{value}',
  },
  rangeAlsoAtLeast: { en: 'must be %{also} or at least %{min}, got %{value}', zh: '必须为 %{also} 或至少为 %{min}，实际为 %{value}' },
  rangeAlsoAtMost: { en: 'must be %{also} or at most %{max}, got %{value}', zh: '必须为 %{also} 或最多为 %{max}，实际为 %{value}' },
  lengthBetween: {
    en: 'must be %{min}–%{max} characters, got %{count}',
    zh: '长度必须为 %{min}–%{max} 个字符，实际为 %{count} 个',
  },
  lengthAtMost: { en: 'must be at most %{max} characters, got %{count}', zh: '长度最多为 %{max} 个字符，实际为 %{count} 个' },
  oneOfSuggest: {
    en: 'must be one of %{values}, got %{value} (did you mean %{suggestion}?)',
    zh: '必须是 %{values} 之一，实际为 %{value}（是不是 %{suggestion}？）',
  },
  oneOf: { en: 'must be one of %{values}, got %{value}', zh: '必须是 %{values} 之一，实际为 %{value}' },
  appliesOnly: { en: 'applies only to %{protocols} listeners, not %{protocol}', zh: '仅适用于 %{protocols} 监听器，不适用于 %{protocol}' },
  appliesOnlyOffValue: {
    en: 'applies only to %{protocols} listeners; %{value} is sent to this %{protocol} listener as written',
    zh: '仅适用于 %{protocols} 监听器；%{value} 将按原样发送给此 %{protocol} 监听器',
  },
  leaveOut: { en: 'leave %{field} out', zh: '请去掉 %{field}' },
  leaveOutOrProtocol: { en: 'leave %{field} out, or use {Protocol} %{protocol}', zh: '请去掉 %{field}，或使用 {Protocol} %{protocol}' },
  required: { en: 'is required', zh: '为必填项' },
  valueRequired: { en: 'a value is required', zh: '必须输入一个值' },
  notEmpty: { en: 'must not be empty', zh: '不能为空' },
  timeoutBelowInterval: {
    en: '(%{timeout}) must be less than {HealthCheck.IntervalTime} (%{interval})',
    zh: '(%{timeout}) 必须小于 {HealthCheck.IntervalTime}（%{interval}）',
  },
  timeoutBelowDefaultInterval: {
    en: '(%{timeout}) must be less than {HealthCheck.IntervalTime} (%{interval}, the default)',
    zh: '(%{timeout}) 必须小于 {HealthCheck.IntervalTime}（默认值 %{interval}）',
  },
  intervalAboveDefaultTimeout: {
    en: '(%{interval}) must be greater than {HealthCheck.TimeOut} (%{timeout}, the default)',
    zh: '(%{interval}) 必须大于 {HealthCheck.TimeOut}（默认值 %{timeout}）',
  },
  portTwice: { en: 'gives %{port} twice; each port creates one listener', zh: '重复给出了 %{port}；每个端口创建一个监听器' },
  portsCount: {
    en: 'gives %{count} ports; one CreateListener takes at most %{max}',
    zh: '给出了 %{count} 个端口；一次 CreateListener 最多接受 %{max} 个',
  },
  portsCountHint: {
    en: 'create them in several runs of at most %{max} ports, or list them in an apply file (apply sends them in batches)',
    zh: '分几次创建，每次最多 %{max} 个端口，或写进 apply 文件（apply 会分批发送）',
  },
  endPortOnePort: {
    en: 'needs exactly one {Ports} (the start of the range), got %{count}',
    zh: '需要恰好一个 {Ports}（端口段的起始端口），实际为 %{count} 个',
  },
  endPortAbove: { en: '%{end} must be greater than {Ports} %{start}', zh: '%{end} 必须大于 {Ports} %{start}' },
  lbIdShape: { en: '%{value} must look like lb-xxxxxxxx', zh: '%{value} 的格式应为 lb-xxxxxxxx' },
  requiredForCustom: { en: 'is required when {HealthCheck.CheckType} is CUSTOM', zh: '在 {HealthCheck.CheckType} 为 CUSTOM 时为必填项' },
  notWithCertificate: { en: 'cannot be given with {Certificate}; give one', zh: '不能与 {Certificate} 同时给出；只给其中一个' },
  notValidated: { en: '%{message} (not validated: --no-validate)', zh: '%{message}（未校验：--no-validate）' },
  checkTypeNotOn: { en: '%{type} is not available on %{protocol} listeners', zh: '%{type} 不适用于 %{protocol} 监听器' },
  httpChecksOnly: {
    en: 'applies only to HTTP health checks (TCP, TCP_SSL and QUIC listeners), not %{protocol}',
    zh: '仅适用于 HTTP 健康检查（TCP、TCP_SSL 和 QUIC 监听器），不适用于 %{protocol}',
  },
  httpChecksOnlySent: {
    en: 'applies only to HTTP health checks (TCP, TCP_SSL and QUIC listeners), not %{protocol}; %{value} is sent as written',
    zh: '仅适用于 HTTP 健康检查（TCP、TCP_SSL 和 QUIC 监听器），不适用于 %{protocol}；%{value} 将按原样发送',
  },
  httpCheckTypeOnly: {
    en: 'applies only when {HealthCheck.CheckType} is HTTP',
    zh: '仅在 {HealthCheck.CheckType} 为 HTTP 时适用',
  },
  httpCheckTypeOnlySent: {
    en: 'applies only when {HealthCheck.CheckType} is HTTP; %{value} is sent as written',
    zh: '仅在 {HealthCheck.CheckType} 为 HTTP 时适用；%{value} 将按原样发送',
  },
  customOnly: {
    en: 'is used only when {HealthCheck.CheckType} is CUSTOM',
    zh: '仅在 {HealthCheck.CheckType} 为 CUSTOM 时使用',
  },
  customOnlySent: {
    en: 'is used only when {HealthCheck.CheckType} is CUSTOM; %{value} is sent as written',
    zh: '仅在 {HealthCheck.CheckType} 为 CUSTOM 时使用；%{value} 将按原样发送',
  },
  useOneOf: {
    en: 'use %{values}',
    zh: '请使用 %{values}',
  },
  hexContext: {
    en: 'must be an even number of 0-9A-F characters with {HealthCheck.ContextType} HEX, got %{value}',
    zh: '在 {HealthCheck.ContextType} 为 HEX 时必须是偶数个 0-9A-F 字符，实际为 %{value}',
  },
  visibleAscii: {
    en: 'may hold only visible ASCII characters',
    zh: '只能包含可见的 ASCII 字符',
  },
  requiredHttpOnTcp: {
    en: 'is required for an HTTP health check on a TCP listener',
    zh: '在 TCP 监听器的 HTTP 健康检查中为必填项',
  },
  httpFieldOnTls: {
    en: 'in the HTTP check of a %{protocol} listener: the reference names it for TCP listeners only; it is sent as written',
    zh: '用于 %{protocol} 监听器的 HTTP 检查：文档只为 TCP 监听器列出此字段；将按原样发送',
  },
  certificateHttps: {
    en: 'is required: an HTTPS listener with SNI off needs a certificate (or {MultiCertInfo})',
    zh: '为必填项：关闭 SNI 的 HTTPS 监听器需要证书（或 {MultiCertInfo}）',
  },
  certificateTcpSsl: {
    en: 'is required: a TCP_SSL listener needs a certificate (or {MultiCertInfo})',
    zh: '为必填项：TCP_SSL 监听器需要证书（或 {MultiCertInfo}）',
  },
  orTurnSniOn: {
    en: 'or turn SNI on ({SniSwitch} 1) and set certificates per domain rule',
    zh: '或开启 SNI（{SniSwitch} 1），并在各域名规则上设置证书',
  },
  certIdOrUpload: {
    en: 'is required, or upload a certificate with {Certificate.CertName}, {Certificate.CertContent} and {Certificate.CertKey}',
    zh: '为必填项，或用 {Certificate.CertName}、{Certificate.CertContent} 和 {Certificate.CertKey} 上传证书',
  },
  requiredToUpload: {
    en: 'is required to upload a certificate',
    zh: '上传证书时为必填项',
  },
  idAndUpload: {
    en: 'and an uploaded certificate are both given; give one',
    zh: '与上传的证书同时给出；只给其中一个',
  },
  apiMayUseEither: {
    en: 'the API may use either',
    zh: 'API 可能使用其中任一个',
  },
  caIdAndUpload: {
    en: 'and an uploaded CA are both given; give one',
    zh: '与上传的 CA 同时给出；只给其中一个',
  },
  idAndContent: {
    en: 'and uploaded content are both given; give one',
    zh: '与上传的内容同时给出；只给其中一个',
  },
  caIdOrUpload: {
    en: 'is required with {Certificate.SSLMode} MUTUAL, or upload the client CA with {Certificate.CertCaName} and {Certificate.CertCaContent}',
    zh: '在 {Certificate.SSLMode} 为 MUTUAL 时为必填项，或用 {Certificate.CertCaName} 和 {Certificate.CertCaContent} 上传客户端 CA',
  },
  requiredToUploadCa: {
    en: 'is required to upload the client CA',
    zh: '上传客户端 CA 时为必填项',
  },
  mutualOnlyContent: {
    en: 'is used only with %{mode} MUTUAL; it is sent as written (no client is verified without MUTUAL)',
    zh: '仅与 %{mode} MUTUAL 一起使用；将按原样发送（非 MUTUAL 时不校验客户端）',
  },
  mutualOnlyValue: {
    en: 'is used only with %{mode} MUTUAL; %{value} is sent as written (no client is verified without MUTUAL)',
    zh: '仅与 %{mode} MUTUAL 一起使用；%{value} 将按原样发送（非 MUTUAL 时不校验客户端）',
  },
  entryIdOrUpload: {
    en: 'is required, or upload the certificate with CertName and CertContent',
    zh: '为必填项，或用 CertName 和 CertContent 上传证书',
  },
  keyRequiredOneWay: {
    en: 'is required: with {MultiCertInfo.SSLMode} UNIDIRECTIONAL every entry is a server certificate',
    zh: '为必填项：{MultiCertInfo.SSLMode} 为 UNIDIRECTIONAL 时每一项都是服务器证书',
  },
  secondCa: {
    en: 'is a second CA certificate; with {MultiCertInfo.SSLMode} MUTUAL the list holds exactly one',
    zh: '是第二个 CA 证书；{MultiCertInfo.SSLMode} 为 MUTUAL 时列表中只能有一个',
  },
  noCa: {
    en: 'has no CA certificate; with {MultiCertInfo.SSLMode} MUTUAL it must hold one (CertName and CertContent, no CertKey)',
    zh: '没有 CA 证书；{MultiCertInfo.SSLMode} 为 MUTUAL 时必须包含一个（CertName 和 CertContent，不含 CertKey）',
  },
  privateKeyOutOfPlace: {
    en: 'holds a PEM private key, which belongs in %{field}',
    zh: '包含 PEM 私钥，私钥应放在 %{field}',
  },
  notPem: {
    en: 'is not a PEM certificate that can be parsed; it is sent as written',
    zh: '不是可解析的 PEM 证书；将按原样发送',
  },
  givePem: {
    en: 'give the PEM file of the certificate (-----BEGIN CERTIFICATE-----)',
    zh: '请给出证书的 PEM 文件（-----BEGIN CERTIFICATE-----）',
  },
  keyMismatch: {
    en: 'does not match the certificate in %{certificate}',
    zh: '与 %{certificate} 中的证书不匹配',
  },
  giveMatchingKey: {
    en: 'give the key the certificate was issued for',
    zh: '请给出签发该证书时对应的私钥',
  },
  expired: {
    en: 'holds a certificate that expired on %{day}',
    zh: '包含的证书已于 %{day} 过期',
  },
  renew: {
    en: 'renew it, or pick another certificate',
    zh: '请续期，或换一个证书',
  },
  notYetValid: {
    en: 'holds a certificate that is not valid before %{day}',
    zh: '包含的证书在 %{day} 之前无效',
  },
  expiresSoon: {
    en: 'holds a certificate that expires on %{day}, within 30 days',
    zh: '包含的证书将于 %{day} 过期（30 天内）',
  },
  notCa: {
    en: 'is not a CA certificate (basicConstraints CA:TRUE is missing)',
    zh: '不是 CA 证书（缺少 basicConstraints CA:TRUE）',
  },
  mutualNeedsCa: {
    en: 'mutual TLS needs the CA that issued the client certificates',
    zh: '双向 TLS 需要签发客户端证书的 CA',
  },
  sameAlgorithm: {
    en: 'is %{algorithm}, like %{other}: one server certificate per algorithm',
    zh: '与 %{other} 一样是 %{algorithm}：每种算法只能有一个服务器证书',
  },
  namesForPorts: {
    en: 'gives %{names} %{names|name|names} for %{ports} %{ports|port|ports}; names are matched to ports by position',
    zh: '为 %{ports} 个端口给出了 %{names} 个名称；名称按位置与端口对应',
  },
  oneNamePerPort: {
    en: 'give one name per port, or none',
    zh: '每个端口给一个名称，或都不给',
  },
  noEmoji: {
    en: '%{value}: emoji and other supplementary characters are not allowed',
    zh: '%{value}：不允许使用表情符号等增补字符',
  },
  lbIdUnusual: {
    en: '%{value} is not the usual lb-xxxxxxxx (8 lower-case letters or digits); it is sent as written',
    zh: '%{value} 不是常见的 lb-xxxxxxxx 格式（8 个小写字母或数字）；将按原样发送',
  },
  lbIdHint: {
    en: 'load balancer ids start with lb-; list them with: clb-listener list',
    zh: '负载均衡 ID 以 lb- 开头；可用此命令列出：clb-listener list',
  },
  idleAboveQuota: {
    en: '%{value} is above 1980: the API accepts it only after a quota ticket; it is sent as written',
    zh: '%{value} 超过 1980：需提交配额工单后 API 才接受；将按原样发送',
  },
  quicCidUdp: {
    en: 'QUIC_CID needs {Protocol} UDP, not %{protocol}',
    zh: 'QUIC_CID 需要 {Protocol} UDP，而不是 %{protocol}',
  },
  quicCidWrr: {
    en: 'must be WRR with {SessionType} QUIC_CID, not %{value}',
    zh: '在 {SessionType} 为 QUIC_CID 时必须为 WRR，而不是 %{value}',
  },
  schedulerOnL7: {
    en: '%{scheduler} on an %{protocol} listener: layer-7 scheduling is set on the rules; it is sent as written',
    zh: '%{protocol} 监听器上的 %{scheduler}：七层的调度方式设置在转发规则上；将按原样发送',
  },
  grpcOnly: {
    en: 'applies only to the GRPC health checks of layer-7 rules, not to listeners',
    zh: '仅适用于七层规则的 GRPC 健康检查，不适用于监听器',
  },
  removeControl: {
    en: 'remove it: no id, name, path or check string contains control characters',
    zh: '请删除它：ID、名称、路径和检查字符串都不含控制字符',
  },
  unknownField: { en: 'is not a field of the request', zh: '不是请求中的字段' },
  unknownFieldGuess: { en: 'is not a field of the request; did you mean %{guess}?', zh: '不是请求中的字段；是否想输入 %{guess}？' },
  validFields: { en: 'valid fields: %{fields}', zh: '有效字段：%{fields}' },
  validFieldsOf: { en: 'valid fields of %{parent}: %{fields}', zh: '%{parent} 的有效字段：%{fields}' },
});
