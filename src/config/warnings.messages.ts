/** The warnings finding the settings and credentials may give, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const CONFIG_WARNINGS = defineMessages({
  ignoringLanguage: {
    en: 'warning: ignoring language "%{value}" in %{file}; use %{choices}',
    zh: '警告：忽略 %{file} 中的语言 "%{value}"；请使用 %{choices}',
  },
  cvmRoleIgnoresArn: {
    en: 'warning: profile "%{profile}" uses the CVM role, so its role-arn %{arn} is ignored (as tccli does)',
    zh: '警告：配置 "%{profile}" 使用 CVM 角色，因此忽略其 role-arn %{arn}（与 tccli 相同）',
  },
  tkeOverOne: {
    en: 'warning: the TKE OIDC variables take precedence (as in tccli), so %{ignored} is not used',
    zh: '警告：TKE OIDC 变量优先（与 tccli 相同），因此不使用 %{ignored}',
  },
  tkeOverTwo: {
    en: 'warning: the TKE OIDC variables take precedence (as in tccli), so %{first} and %{second} are not used',
    zh: '警告：TKE OIDC 变量优先（与 tccli 相同），因此不使用 %{first} 和 %{second}',
  },
  keysIn: { en: 'the keys in %{file}', zh: '%{file} 中的密钥' },
  halfPair: {
    en: 'warning: %{set} is set but %{unset} is not; ignoring it and looking for credentials elsewhere (set both, or unset %{set})',
    zh: '警告：设置了 %{set} 但没有设置 %{unset}；忽略它并从其他地方查找凭证（请两者都设置，或取消设置 %{set}）',
  },
  sessionNameWithoutArnEnv: {
    en: 'warning: %{name} is set but %{arn} is not; ignoring it',
    zh: '警告：设置了 %{name} 但没有设置 %{arn}；忽略它',
  },
  sessionNameWithoutArnProfile: {
    en: 'warning: %{file} has role-session-name but no role-arn; ignoring it',
    zh: '警告：%{file} 有 role-session-name 但没有 role-arn；忽略它',
  },
  tkeIncomplete: {
    en: 'warning: TKE OIDC needs %{names}; %{missing} %{count|is|are} not set, so %{set} %{setCount|is|are} ignored',
    zh: '警告：TKE OIDC 需要 %{names}；%{missing}（%{count} 个）未设置，因此忽略 %{set}（%{setCount} 个）',
  },
  looseMode: {
    en: 'warning: %{path} holds secrets but is accessible by group or others (mode %{mode}); run: chmod 600 %{quoted}',
    zh: '警告：%{path} 含有密钥，但同组或其他用户可以访问（权限 %{mode}）；请运行：chmod 600 %{quoted}',
  },
});
