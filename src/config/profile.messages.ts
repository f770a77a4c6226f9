/** What is said of a region or a profile that cannot be used, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const PROFILE_PROBLEMS = defineMessages({
  notRegionCode: { en: '%{source} "%{region}" is not a region code', zh: '%{source} "%{region}" 不是地域代码' },
  regionShape: {
    en: 'a region is lower-case words joined by "-", e.g. ap-guangzhou or ap-shanghai-fsi',
    zh: '地域由小写单词以 "-" 连接而成，例如 ap-guangzhou 或 ap-shanghai-fsi',
  },
  trueOrFalse: { en: '%{where} must be true or false; got "%{value}"', zh: '%{where} 必须是 true 或 false；实际为 "%{value}"' },
  cvmRoleUnreachable: {
    en: 'profile "%{profile}" uses the CVM role, but no instance role is reachable',
    zh: '配置 "%{profile}" 使用 CVM 角色，但无法访问实例角色',
  },
  cvmRoleHint: {
    en: 'this works only on a CVM with a bound role; elsewhere run: clb-listener configure set use-cvm-role false --profile %{profile}',
    zh: '这只在绑定了角色的 CVM 上可用；在其他地方请运行：clb-listener configure set use-cvm-role false --profile %{profile}',
  },
  noCredentials: {
    en: 'profile "%{profile}" (from %{source}) has no credentials: %{file} is missing or empty',
    zh: '配置 "%{profile}"（来自 %{source}）没有凭证：%{file} 不存在或为空',
  },
  notProfileFile: { en: '%{path} is not a valid tccli profile file: %{detail}', zh: '%{path} 不是有效的 tccli 配置文件：%{detail}' },
  fixOrRemove: {
    en: 'fix the file or remove it (clb-listener configure can then write a new one)',
    zh: '请修复或删除该文件（之后 clb-listener configure 可以写入新文件）',
  },
  loginCannotRefresh: {
    en: 'profile "%{profile}" uses tccli\'s %{type} login, which clb-listener cannot refresh',
    zh: '配置 "%{profile}" 使用 tccli 的 %{type} 登录，clb-listener 无法刷新它',
  },
  useKeyProfile: {
    en: 'use a key profile (clb-listener configure --profile %{profile}) or export TENCENTCLOUD_SECRET_ID/SECRET_KEY/TOKEN',
    zh: '请使用密钥配置（clb-listener configure --profile %{profile}），或导出 TENCENTCLOUD_SECRET_ID/SECRET_KEY/TOKEN',
  },
  idWithoutKey: { en: '%{file} has secretId but no secretKey', zh: '%{file} 有 secretId 但没有 secretKey' },
  keyWithoutId: { en: '%{file} has secretKey but no secretId', zh: '%{file} 有 secretKey 但没有 secretId' },
  completeIt: {
    en: 'complete it with clb-listener configure --profile %{profile}',
    zh: '请用 clb-listener configure --profile %{profile} 补全',
  },
  credentialsFileMissing: { en: '%{variable} names %{path}, which does not exist', zh: '%{variable} 指向 %{path}，但该文件不存在' },
  fixOrUnset: { en: 'fix or unset %{variable}', zh: '请修正或取消设置 %{variable}' },
  sdkIdWithoutKey: {
    en: '[%{section}] in %{path} has secret_id but no secret_key',
    zh: '%{path} 中的 [%{section}] 有 secret_id 但没有 secret_key',
  },
  sdkKeyWithoutId: {
    en: '[%{section}] in %{path} has secret_key but no secret_id',
    zh: '%{path} 中的 [%{section}] 有 secret_key 但没有 secret_id',
  },
  strayCharacter: {
    en: '%{label} holds a space, a line break or another character no key has (at position %{position}); nothing was sent',
    zh: '%{label} 含有空格、换行或密钥中不会有的其他字符（第 %{position} 个字符）；未发送任何请求',
  },
  setItAgain: { en: 'set it again without the stray character', zh: '请去掉多余的字符后重新设置' },
  locked: {
    en: '%{what} is locked by another run (pid %{pid}); gave up after %{seconds}s',
    zh: '%{what} 被另一个运行锁定（pid %{pid}）；%{seconds} 秒后放弃',
  },
  removeLock: {
    en: 'if no other clb-listener is running, remove the lock file: rm %{path}',
    zh: '如果没有其他 clb-listener 在运行，请删除锁文件：rm %{path}',
  },
  invalidProfileName: { en: 'invalid profile name %{name}: %{problem}', zh: '无效的配置名 %{name}：%{problem}' },
  profileIsFileName: {
    en: 'a profile is a file name under ~/.tccli, e.g. --profile prod',
    zh: '配置名是 ~/.tccli 下的文件名，例如 --profile prod',
  },
  cannotWrite: { en: 'cannot write %{path}: %{reason}', zh: '无法写入 %{path}：%{reason}' },
  checkDirMode: {
    en: 'check the owner and mode of %{dir} (ls -ld %{quoted}), or point HOME elsewhere',
    zh: '请检查 %{dir} 的属主和权限（ls -ld %{quoted}），或把 HOME 指向别处',
  },
  cannotRead: { en: 'cannot read %{path}: %{reason}', zh: '无法读取 %{path}：%{reason}' },
  removeOrRename: { en: 'remove or rename %{path}', zh: '请删除或重命名 %{path}' },
  checkFileMode: { en: "check the file's owner and mode (ls -l %{quoted})", zh: '请检查该文件的属主和权限（ls -l %{quoted}）' },
});
