/** The next step added to the API errors people meet most, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const API_HINTS = defineMessages({
  'AuthFailure.SignatureFailure': {
    en: 'the secret key does not match the SecretId; check TENCENTCLOUD_SECRET_KEY or the profile (clb-listener whoami)',
    zh: '密钥与 SecretId 不匹配；请检查 TENCENTCLOUD_SECRET_KEY 或配置（clb-listener whoami）',
  },
  'AuthFailure.SecretIdNotFound': {
    en: 'the SecretId is unknown or disabled; check for stray whitespace (clb-listener whoami)',
    zh: 'SecretId 不存在或已停用；请检查是否有多余的空白（clb-listener whoami）',
  },
  'AuthFailure.SignatureExpire': {
    en: "this machine's clock is more than 5 minutes off; sync it (e.g. with NTP) and retry",
    zh: '本机时钟偏差超过 5 分钟；请同步时钟（例如用 NTP）后重试',
  },
  'AuthFailure.TokenFailure': {
    en: 'the session token is invalid or expired; refresh the temporary credentials',
    zh: '会话令牌无效或已过期；请刷新临时凭据',
  },
  'AuthFailure.UnauthorizedOperation': {
    en: 'the credentials are valid but CAM does not allow this action on this resource',
    zh: '凭据有效，但 CAM 不允许对此资源执行此操作',
  },
  LimitExceeded: {
    en: 'the load balancer has reached its listener quota; remove listeners it no longer needs, or ask for a higher quota',
    zh: '负载均衡的监听器数量已达配额；请删除不再需要的监听器，或申请提高配额',
  },
  'InvalidParameter.LBIdNotFound': {
    en: 'no such load balancer in this region; check --lb and --region',
    zh: '此地域没有该负载均衡；请检查 --lb 和 --region',
  },
  RequestLimitExceeded: {
    en: 'the API rate limit (20 requests/second) was still exceeded after retries; slow down parallel runs',
    zh: '重试后仍超过 API 频率限制（每秒 20 次）；请减少并行运行',
  },
  seeListeners: { en: 'see the listeners that exist with: %{command}', zh: '可用此命令查看已有的监听器：%{command}' },
  checkIds: {
    en: "check the ids (and --lb, --region): the load balancer's listeners are listed by %{command}",
    zh: '请检查 ID（以及 --lb、--region）：可用 %{command} 列出该负载均衡的监听器',
  },
  taskIdRegion: {
    en: 'a task id is the RequestId of a write, and is known only in the region (and at the endpoint) of that write; check --region and --endpoint',
    zh: '任务 ID 是写操作的 RequestId，只在该写操作的地域（和接入点）中可查；请检查 --region 和 --endpoint',
  },
  busyWithTask: {
    en: '%{lb} is still busy with task %{task}: wait for it with %{command}, then run this command again',
    zh: '%{lb} 仍在执行任务 %{task}：请用 %{command} 等待其完成，然后重新运行此命令',
  },
  busy: {
    en: '%{lb} was still busy with another task after retrying: something else is changing it (another run of this tool or apply, the console, a scaling group); let it finish, then run this command again',
    zh: '重试后 %{lb} 仍在执行其他任务：有其他操作在修改它（本工具或 apply 的另一次运行、控制台、伸缩组）；请等待其完成，然后重新运行此命令',
  },
  theLoadBalancer: { en: 'the load balancer', zh: '该负载均衡' },
  portInUse: {
    en: 'a port is already in use on %{lb}; see %{command}',
    zh: '%{lb} 上的某个端口已被占用；请查看 %{command}',
  },
});
