/** What finding the region and the credentials says when they are missing, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const CONFIG = defineMessages({
  noRegion: { en: 'no region given', zh: '未指定地域' },
  noRegionHint: {
    en: 'pass --region ap-guangzhou, set %{variable}, or store one in the profile: clb-listener configure set region ap-guangzhou',
    zh: '请传入 --region ap-guangzhou、设置 %{variable}，或保存到配置中：clb-listener configure set region ap-guangzhou',
  },
  noRegionHintProfile: {
    en: 'pass --region ap-guangzhou, set %{variable} (ignored with --profile), or store one in the profile: clb-listener configure set region ap-guangzhou --profile %{profile}',
    zh: '请传入 --region ap-guangzhou、设置 %{variable}（与 --profile 同用时忽略），或保存到配置中：clb-listener configure set region ap-guangzhou --profile %{profile}',
  },
  noCredentials: {
    en: 'no credentials found (looked in: environment, %{places}, CVM instance metadata)',
    zh: '未找到凭据（已查找：环境变量、%{places}、CVM 实例元数据）',
  },
  noCredentialsHint: {
    en: 'set %{id} and %{key} (plus %{token} for temporary keys), or write %{file}: %{configure}',
    zh: '请设置 %{id} 和 %{key}（临时密钥另加 %{token}），或写入 %{file}：%{configure}',
  },
  configureHint: {
    en: "'clb-listener configure%{profile}' asks for the keys; in a script, 'clb-listener configure set secretId AKID…%{profile}' then 'printf %s \"$SECRET_KEY\" | clb-listener configure set secretKey -%{profile}'",
    zh: "'clb-listener configure%{profile}' 会逐项询问密钥；在脚本中先运行 'clb-listener configure set secretId AKID…%{profile}'，再运行 'printf %s \"$SECRET_KEY\" | clb-listener configure set secretKey -%{profile}'",
  },
});
