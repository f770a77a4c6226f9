/** The labels and words of `whoami`'s report, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const WHOAMI = defineMessages({
  profile: { en: 'profile', zh: '配置' },
  credentials: { en: 'credentials', zh: '凭据' },
  noneFound: { en: '(none found: see the error below)', zh: '（未找到：见下方错误）' },
  role: { en: 'role', zh: '角色' },
  sessionName: { en: 'session name', zh: '会话名称' },
  stsEndpoint: { en: 'sts endpoint', zh: 'STS 接入点' },
  secretId: { en: 'secret id', zh: 'SecretId' },
  notIssued: { en: '(not issued: %{action} failed, see the error below)', zh: '（未签发：%{action} 失败，见下方错误）' },
  none: { en: '(none)', zh: '（无）' },
  sessionToken: { en: 'session token', zh: '会话令牌' },
  temporary: { en: 'temporary credentials (token present)', zh: '临时凭据（含令牌）' },
  temporaryExpires: {
    en: 'temporary credentials (token present), expires %{at}',
    zh: '临时凭据（含令牌），%{at} 过期',
  },
  no: { en: 'no', zh: '无' },
  region: { en: 'region', zh: '地域' },
  notSet: { en: '(not set)', zh: '（未设置）' },
  endpoint: { en: 'endpoint', zh: '接入点' },
  language: { en: 'language', zh: '语言' },
  apiDefault: { en: '(API default)', zh: '（API 默认）' },
});
