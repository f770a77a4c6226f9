/** What the profile keys of `configure set/get/list/unset` say: their help and their refusals. */
import { defineMessages } from '../core/i18n.js';

export const PROFILE = defineMessages({
  notRegion: { en: '"%{value}" is not a region code', zh: '"%{value}" 不是地域代码' },
  example: { en: 'e.g. %{example}', zh: '例如 %{example}' },
  mustNotBeEmpty: { en: '%{name} must not be empty', zh: '%{name} 不能为空' },
  removeWith: {
    en: 'to remove it from the profile: clb-listener configure unset %{name}',
    zh: '要从配置中删除它：clb-listener configure unset %{name}',
  },
  onlyHost: { en: '%{name} "%{value}": give only the host (and port)', zh: '%{name} "%{value}"：只需给出主机（和端口）' },
  trueOrFalse: { en: '%{name} must be true or false; got "%{value}"', zh: '%{name} 必须是 true 或 false；实际为 "%{value}"' },
  keys: { en: 'keys: %{keys}', zh: '可用的配置项：%{keys}' },
  unknownKey: { en: 'unknown configuration key "%{name}"', zh: '未知的配置项 "%{name}"' },
  helpSecretId: { en: 'SecretId (AKID…)', zh: 'SecretId（AKID…）' },
  helpSecretKey: { en: 'SecretKey; value must be "-" (read from stdin)', zh: 'SecretKey；值必须是 "-"（从标准输入读取）' },
  helpToken: { en: 'session token of temporary keys; value must be "-"', zh: '临时密钥的会话令牌（token）；值必须是 "-"' },
  helpRegion: { en: 'default region, e.g. ap-guangzhou', zh: '默认地域，例如 ap-guangzhou' },
  helpOutput: {
    en: "tccli's default output format (%{formats}); clb-listener ignores it and uses -o (default: text)",
    zh: 'tccli 的默认输出格式（%{formats}）；clb-listener 忽略它，使用 -o（默认：text）',
  },
  helpLanguage: { en: '%{languages}', zh: '%{languages}' },
  helpEndpoint: {
    en: "CLB API host (tccli's clb.endpoint), e.g. %{host}; https, or http://… to this machine only",
    zh: 'CLB API 主机（tccli 的 clb.endpoint），例如 %{host}；https，或仅限本机的 http://…',
  },
  helpStsEndpoint: {
    en: "STS host for role-arn and TKE OIDC (tccli's sts.endpoint), e.g. %{host}",
    zh: 'role-arn 和 TKE OIDC 所用的 STS 主机（tccli 的 sts.endpoint），例如 %{host}',
  },
  helpRoleArn: {
    en: 'act as this role (qcs::cam::uin/<account>:roleName/<name>) through STS AssumeRole',
    zh: '通过 STS AssumeRole 以此角色（qcs::cam::uin/<账号>:roleName/<名称>）行事',
  },
  helpRoleSessionName: {
    en: 'session name for role-arn (default: clb-listener-<time>)',
    zh: 'role-arn 的会话名（默认：clb-listener-<时间>）',
  },
  helpValidate: {
    en: 'true | false: check requests against the API rules before sending (false = --no-validate)',
    zh: 'true | false：发送前按 API 规则检查请求（false 即 --no-validate）',
  },
  helpUseCvmRole: {
    en: 'true | false: take temporary keys from the CVM instance role',
    zh: 'true | false：从 CVM 实例角色获取临时密钥',
  },
});
