/** What reading a value says when it is not of its field's type (flags, files, prompts), in both languages. */
import { defineMessages } from '../core/i18n.js';

export const INPUT = defineMessages({
  notInteger: { en: '%{label} %{value}: must be an integer', zh: '%{label} %{value}：必须是整数' },
  tooLarge: { en: '%{label} %{value}: too large to send exactly', zh: '%{label} %{value}：数值过大，无法精确发送' },
  notTrueFalse: { en: '%{label} %{value}: must be true or false', zh: '%{label} %{value}：必须是 true 或 false' },
  notSwitch: { en: '%{label} %{value}: must be 0 (off) or 1 (on)', zh: '%{label} %{value}：必须是 0（关闭）或 1（开启）' },
  notShorthand: {
    en: '%{label} %{value}: expected Key=Value pairs separated by commas, JSON, or file://path',
    zh: '%{label} %{value}：应为逗号分隔的 Key=Value、JSON 或 file://路径',
  },
  shorthandExample: { en: 'e.g. HealthSwitch=1,TimeOut=5,IntervalTime=7', zh: '例如 HealthSwitch=1,TimeOut=5,IntervalTime=7' },
  // The type check (schema.ts): about a field, never naming it (the edge does).
  notAField: { en: 'is not a field of the request', zh: '不是请求中的字段' },
  notAnObject: { en: 'must be an object with API field names', zh: '必须是使用 API 字段名的对象' },
  wrongType: { en: 'has the wrong type', zh: '类型错误' },
  isNull: { en: 'is null: leave it out, or give it a value', zh: '为 null：请去掉它，或给出一个值' },
  valueTooLarge: { en: '%{value} is too large to send exactly', zh: '%{value} 数值过大，无法精确发送' },
  mustBe: { en: 'must be %{kind}, got %{value}', zh: '必须是%{kind}，实际为 %{value}' },
  kindText: { en: 'text', zh: '文本' },
  kindInteger: { en: 'an integer', zh: '整数' },
  kindSwitch: { en: 'an integer (0 or 1)', zh: '整数（0 或 1）' },
  kindBoolean: { en: 'true or false', zh: ' true 或 false' },
  kindIntegerList: { en: 'a list of integers', zh: '整数列表' },
  kindStringList: { en: 'a list of text values', zh: '文本列表' },
  kindObject: { en: 'an object', zh: '对象' },
  kindObjectList: { en: 'a list of objects', zh: '对象列表' },
  tooDeep: { en: '%{label}: nested more than %{levels} levels deep', zh: '%{label}：嵌套超过 %{levels} 层' },
  notJson: { en: '%{label}: not valid JSON', zh: '%{label}：不是有效的 JSON' },
  notJsonAt: {
    en: '%{label}: not valid JSON (at line %{line}, column %{column})',
    zh: '%{label}：不是有效的 JSON（第 %{line} 行，第 %{column} 列）',
  },
  notJsonEnd: { en: '%{label}: not valid JSON (it ends too early)', zh: '%{label}：不是有效的 JSON（提前结束）' },
  repeatedKeyIn: {
    en: '%{label}: "%{key}" is given twice in %{path}; which one was meant is not guessed',
    zh: '%{label}："%{key}" 在 %{path} 中给出了两次；不会猜测哪一个才是本意',
  },
  repeatedKey: {
    en: '%{label}: "%{key}" is given twice in the same object; which one was meant is not guessed',
    zh: '%{label}："%{key}" 在同一对象中给出了两次；不会猜测哪一个才是本意',
  },
  giveOnce: { en: 'give %{key} once', zh: '%{key} 只给一次' },
  neitherJsonNorYaml: { en: '%{label}: neither JSON nor YAML (%{reason})', zh: '%{label}：既不是 JSON 也不是 YAML（%{reason}）' },
  unknownKey: { en: '%{label}: unknown field "%{key}"', zh: '%{label}：未知字段 "%{key}"' },
  twiceDifferent: { en: '%{label}: %{key} is given twice with different values', zh: '%{label}：%{key} 给出了两次且值不同' },
  keyNotOnCommandLine: { en: '%{label}: a private key is never taken from the command line', zh: '%{label}：私钥绝不从命令行接收' },
  useKeyFile: { en: 'use %{key}=file://key.pem, or --key-file PATH', zh: '请使用 %{key}=file://key.pem，或 --key-file PATH' },
  twiceAlias: { en: '--%{flag} was given twice (also as --%{aliases})', zh: '--%{flag} 给出了两次（也作为 --%{aliases}）' },
  certNeedsKey: { en: '--cert-file needs --key-file: the private key of the certificate', zh: '--cert-file 需要 --key-file：证书的私钥' },
  keyNeedsCert: {
    en: '--key-file needs --cert-file: the certificate the key belongs to',
    zh: '--key-file 需要 --cert-file：私钥所属的证书',
  },
  twoValues: {
    en: '--%{flag} and --certificate %{target} give two different values',
    zh: '--%{flag} 与 --certificate %{target} 给出了两个不同的值',
  },
  giveTargetOnce: { en: 'give %{target} once', zh: '%{target} 只给一次' },
});
