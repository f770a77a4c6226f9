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
});
