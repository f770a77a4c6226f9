/** What the HTTP client, the proxy settings and the own-secrets check say, in both languages. */
import { defineMessages, render, type Message, type Text } from '../core/i18n.js';

export const NETWORK = defineMessages({
  withAttempts: { en: '%{message} (%{count} attempts)', zh: '%{message}（共尝试 %{count} 次）' },
  notBuilt: { en: '%{action}: the request could not be built: %{detail}', zh: '%{action}：无法构造请求：%{detail}' },
  nothingSent: { en: 'nothing was sent', zh: '未发送任何请求' },
  failed: { en: '%{action}: %{detail}', zh: '%{action}：%{detail}' },
  mayHaveApplied: {
    en: 'the request may or may not have been applied; check with DescribeListeners before retrying',
    zh: '请求可能已生效，也可能未生效；重试前请先用 DescribeListeners 核实',
  },
  checkEndpoint: {
    en: 'check the endpoint (%{endpoint}) and your network',
    zh: '请检查接入点（%{endpoint}）和网络',
  },
  checkEndpointNothingSent: {
    en: 'nothing was sent; check the endpoint (%{endpoint}) and your network',
    zh: '未发送任何请求；请检查接入点（%{endpoint}）和网络',
  },
  checkEndpointProxy: {
    en: 'check the endpoint (%{endpoint}), the proxy (%{proxy} from %{source}) and your network',
    zh: '请检查接入点（%{endpoint}）、代理（%{proxy}，来自 %{source}）和网络',
  },
  checkEndpointProxyNothingSent: {
    en: 'nothing was sent; check the endpoint (%{endpoint}), the proxy (%{proxy} from %{source}) and your network',
    zh: '未发送任何请求；请检查接入点（%{endpoint}）、代理（%{proxy}，来自 %{source}）和网络',
  },
  proxyRefusedTunnel: {
    en: 'the proxy %{proxy} (%{source}) refused the tunnel (HTTP %{status})',
    zh: '代理 %{proxy}（%{source}）拒绝建立隧道（HTTP %{status}）',
  },
  proxyClosed: {
    en: 'the proxy %{proxy} (%{source}) closed the connection before the tunnel was open',
    zh: '代理 %{proxy}（%{source}）在隧道建立前关闭了连接',
  },
  throughProxy: { en: '%{detail} (through the proxy %{proxy} (%{source}))', zh: '%{detail}（经由代理 %{proxy}（%{source}））' },
  closedWhileOpening: { en: 'the connection was closed while it was being opened', zh: '连接在建立过程中被关闭' },
  httpStatus: { en: '%{action}: the endpoint answered HTTP %{status}', zh: '%{action}：接入点返回 HTTP %{status}' },
  httpStatusTrace: {
    en: '%{action}: the endpoint answered HTTP %{status} (trace id %{trace})',
    zh: '%{action}：接入点返回 HTTP %{status}（trace id %{trace}）',
  },
  serviceUnavailable: { en: 'the service may be unavailable; try again shortly', zh: '服务可能暂时不可用；请稍后重试' },
  notJson: { en: '%{action}: the response was not JSON: %{preview}', zh: '%{action}：响应不是 JSON：%{preview}' },
  noResponseObject: {
    en: '%{action}: the response has no "Response" object: %{preview}',
    zh: '%{action}：响应中没有 "Response" 对象：%{preview}',
  },
  noRequestId: { en: '%{action}: the response has no RequestId: %{preview}', zh: '%{action}：响应中没有 RequestId：%{preview}' },
  /** A failure in the system's own words (its error code and message), not translated. */
  asIs: { en: '%{text}', zh: '%{text}' },
  requestTimeout: { en: 'no answer before the request timeout', zh: '请求超时前未收到应答' },
  connectTimeout: { en: 'could not connect before the connect timeout', zh: '连接超时前未能建立连接' },
  tooLarge: {
    en: 'the answer was cut off after %{size} MiB, more than any API answer (is the endpoint the API?)',
    zh: '应答超过 %{size} MiB 后被截断，比任何 API 应答都大（该接入点是 API 吗？）',
  },
  connectionRefused: { en: 'connection refused (%{address})', zh: '连接被拒绝（%{address}）' },
  closedBeforeAnswer: { en: 'the connection was closed before an answer arrived', zh: '连接在收到应答前被关闭' },
  proxyRefused: { en: 'the proxy refused the tunnel (HTTP %{status})', zh: '代理拒绝建立隧道（HTTP %{status}）' },
  tlsFailed: { en: 'the TLS handshake failed (%{code})', zh: 'TLS 握手失败（%{code}）' },
  tlsFailedBecause: { en: 'the TLS handshake failed: %{message} (%{code})', zh: 'TLS 握手失败：%{message}（%{code}）' },
  proxyNotUrl: { en: '%{source} "%{value}" is not a URL', zh: '%{source} "%{value}" 不是 URL' },
  proxyScheme: {
    en: '%{source}: %{scheme}// proxies are not supported (http, https, socks5)',
    zh: '%{source}：不支持 %{scheme}// 代理（支持 http、https、socks5）',
  },
  proxyExample: { en: 'e.g. %{source}=http://proxy.example.com:3128', zh: '例如 %{source}=http://proxy.example.com:3128' },
  ownSecretKey: {
    en: 'the %{action} request would carry the SecretKey of the credentials in use; nothing was sent',
    zh: '%{action} 请求将携带正在使用的凭证的 SecretKey；未发送任何请求',
  },
  ownSecretKeyAt: {
    en: 'the %{action} request would carry the SecretKey of the credentials in use, in %{path}; nothing was sent',
    zh: '%{action} 请求将在 %{path} 中携带正在使用的凭证的 SecretKey；未发送任何请求',
  },
  ownToken: {
    en: 'the %{action} request would carry the session token of the credentials in use; nothing was sent',
    zh: '%{action} 请求将携带正在使用的凭证的会话令牌（token）；未发送任何请求',
  },
  ownTokenAt: {
    en: 'the %{action} request would carry the session token of the credentials in use, in %{path}; nothing was sent',
    zh: '%{action} 请求将在 %{path} 中携带正在使用的凭证的会话令牌（token）；未发送任何请求',
  },
  ownSecretHint: {
    en: 'a credentials file (or a key) was given as input: check the file:// values and input files',
    zh: '有凭证文件（或密钥）被当作输入：请检查 file:// 值和输入文件',
  },
  // The endpoint a command is pointed at (--endpoint, CLB_LISTENER_ENDPOINT, the profile's).
  endpointControl: { en: '%{label} "%{raw}": contains a space or a control character', zh: '%{label} "%{raw}"：含有空格或控制字符' },
  endpointNotUrl: { en: '%{label} "%{raw}" is not a URL', zh: '%{label} "%{raw}" 不是 URL' },
  endpointExample: { en: 'e.g. https://clb.ap-guangzhou.tencentcloudapi.com', zh: '例如 https://clb.ap-guangzhou.tencentcloudapi.com' },
  endpointCredentials: {
    en: '%{label} "%{raw}": holds a user name or password, which the API does not take',
    zh: '%{label} "%{raw}"：含有用户名或密码，API 不接受',
  },
  endpointOnlyOrigin: {
    en: 'give only scheme, host and port, e.g. https://clb.ap-guangzhou.tencentcloudapi.com',
    zh: '只需给出协议、主机和端口，例如 https://clb.ap-guangzhou.tencentcloudapi.com',
  },
  endpointHttpsOnly: { en: '%{label} "%{raw}": only https:// is supported', zh: '%{label} "%{raw}"：只支持 https://' },
  endpointHttpLoopback: {
    en: '%{label} "%{raw}": plain http:// is allowed only for loopback hosts (127.0.0.1, ::1, localhost)',
    zh: '%{label} "%{raw}"：明文 http:// 只允许用于回环主机（127.0.0.1、::1、localhost）',
  },
  endpointUseHttps: { en: 'use https://%{host}', zh: '请使用 https://%{host}' },
  endpointPath: {
    en: '%{label} "%{raw}": the API path is always "/"; give only scheme, host and port',
    zh: '%{label} "%{raw}"：API 路径总是 "/"；只需给出协议、主机和端口',
  },
  unexpectedResponse: { en: '%{action}: unexpected response (%{where}: %{issue})', zh: '%{action}：意外的响应（%{where}：%{issue}）' },
  notClbApi: { en: 'the endpoint may not be the CLB API; check --endpoint', zh: '该接入点可能不是 CLB API；请检查 --endpoint' },
  emptyListenerIds: {
    en: 'refusing to delete with an empty listener id list: the API would delete every listener',
    zh: '拒绝以空的监听器 ID 列表删除：API 会删除所有监听器',
  },
  emptyRuleIds: { en: 'refusing to delete with an empty rule id list', zh: '拒绝以空的规则 ID 列表删除' },
});

/**
 * A whole clause said in both languages, to stand as one placeholder's value in a sentence about
 * it (`%{action}: %{detail}`): the clause is a complete message of its own, not a fragment.
 */
export function bothLanguages(value: Message): Text {
  return { en: render('en', value), zh: render('zh', value) };
}
