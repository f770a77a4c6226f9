/** What `clb-listener emulator` says: its options, its help and its note at a terminal. */
import { defineMessages } from '../../../core/i18n.js';

export const EMULATOR = defineMessages({
  host: { en: 'loopback address to listen on (127.0.0.0/8, ::1, localhost)', zh: '监听的回环地址（127.0.0.0/8、::1、localhost）' },
  port: { en: 'port to listen on; 0 picks a free one', zh: '监听端口；0 表示自动选择空闲端口' },
  secretId: { en: 'SecretId to accept (default: random AKID…)', zh: '接受的 SecretId（默认：随机 AKID…）' },
  secretKey: {
    en: 'SecretKey to accept (default: random; these are throwaway test keys)',
    zh: '接受的 SecretKey（默认：随机；这些是一次性的测试密钥）',
  },
  token: { en: 'require this X-TC-Token, like temporary credentials', zh: '要求此 X-TC-Token，与临时凭证一样' },
  region: {
    en: "region served (default: $%{variable}, then the profile's, else %{region})",
    zh: '服务的地域（默认：$%{variable}，其次是配置中的，否则为 %{region}）',
  },
  loadBalancers: {
    en: 'comma-separated load balancer ids to seed (default: lb-emu00001,lb-emu00002,lb-emu00003)',
    zh: '预置的负载均衡 ID，以逗号分隔（默认：lb-emu00001,lb-emu00002,lb-emu00003）',
  },
  taskDelay: { en: 'how long tasks stay in progress (default: 1000)', zh: '任务保持进行中状态的时长（默认：1000）' },
  rateLimit: { en: 'requests per action per second (default: 20)', zh: '每个接口每秒的请求数（默认：20）' },
  listenerQuota: { en: 'listeners per load balancer (default: 50)', zh: '每个负载均衡的监听器数（默认：50）' },
  state: {
    en: 'load load balancers and listeners from this JSON file, save them on every change',
    zh: '从此 JSON 文件加载负载均衡和监听器，每次变更时保存',
  },
  certificates: {
    en: 'more certificates for DescribeCertificates (JSON array), beside the seeded ones',
    zh: 'DescribeCertificates 的更多证书（JSON 数组），在预置证书之外',
  },
  log: { en: 'one line per API request on stderr', zh: '每个 API 请求在标准错误输出一行' },
  acceptSdkForms: {
    en: 'also accept GET, HmacSHA1/HmacSHA256 (v1) signatures and the TC3 unsigned payload',
    zh: '同时接受 GET、HmacSHA1/HmacSHA256（v1）签名和 TC3 未签名载荷',
  },
  printsLine: {
    en: 'Prints one JSON line on stdout, then serves until SIGINT/SIGTERM (exit 0):',
    zh: '在标准输出打印一行 JSON，然后持续服务直到 SIGINT/SIGTERM（退出码 0）：',
  },
  regionServed: {
    en: "The region served is the one commands would send: --region, then $%{variable}, then the profile's, else %{region}. Requests for another region get InvalidParameter.RegionNotFound.",
    zh: '服务的地域就是命令会发送的地域：--region，其次 $%{variable}，其次配置中的，否则为 %{region}。对其他地域的请求会得到 InvalidParameter.RegionNotFound。',
  },
  actions: {
    en: 'Actions (TC3-HMAC-SHA256 signed), every service on the one endpoint, told apart by X-TC-Version:',
    zh: '接口（TC3-HMAC-SHA256 签名），所有服务在同一个接入点上，以 X-TC-Version 区分：',
  },
  controlSurface: {
    en: 'Control surface for tests, on the same port, with no signature, never counted as API requests:',
    zh: '供测试使用的控制接口，在同一端口上，无需签名，从不计为 API 请求：',
  },
  sdkForms: {
    en: "With --accept-sdk-forms it also takes GET, HmacSHA1/HmacSHA256 (v1) signatures and the TC3 unsigned payload, as the official SDKs can send them. Point every service's endpoint (--endpoint) at the emulator.",
    zh: '加 --accept-sdk-forms 时，它还接受官方 SDK 可能发送的 GET、HmacSHA1/HmacSHA256（v1）签名和 TC3 未签名载荷。请把每个服务的接入点（--endpoint）指向模拟器。',
  },
  seededCertificates: {
    en: 'Certificates: four are seeded (EmuRsa01 and EmuEcc01 for www.example.com, EmuOld01 expired, EmuCa001 a client CA); --certificates FILE adds more from a JSON array of DescribeCertificates items (CertificateId and Domain required; CertificateType SVR|CA, EncryptAlgorithm, CertBeginTime, CertEndTime "YYYY-MM-DD HH:mm:ss" UTC+8, Alias, SubjectAltName optional).',
    zh: '证书：预置四个（EmuRsa01 和 EmuEcc01 用于 www.example.com，EmuOld01 已过期，EmuCa001 为客户端 CA）；--certificates FILE 从 DescribeCertificates 条目的 JSON 数组中添加更多（CertificateId 和 Domain 必填；CertificateType SVR|CA、EncryptAlgorithm、CertBeginTime、CertEndTime "YYYY-MM-DD HH:mm:ss" UTC+8、Alias、SubjectAltName 可选）。',
  },
  nodeSdk: {
    en: 'The official Node SDK (tencentcloud-sdk-nodejs-common), with the printed line in `info`:',
    zh: '官方 Node SDK（tencentcloud-sdk-nodejs-common），打印的那一行在 `info` 中：',
  },
  nonNegative: { en: '%{flag} must be a non-negative integer, got "%{value}"', zh: '%{flag} 必须是非负整数，实际为 "%{value}"' },
  cannotListen: { en: 'cannot listen on %{address} (%{code})', zh: '无法在 %{address} 上监听（%{code}）' },
  serving: {
    en: 'Serving region %{region} (from %{source}) on %{endpoint}. In another shell:',
    zh: '正在 %{endpoint} 上服务地域 %{region}（来自 %{source}）。在另一个 shell 中：',
  },
  theDefault: { en: 'the default', zh: '默认值' },
  ctrlC: { en: 'Ctrl-C to stop.', zh: '按 Ctrl-C 停止。' },
});
