/** What `clb-listener completion` says in its help, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const COMPLETION = defineMessages({
  shell: { en: 'the shell: bash, zsh or fish', zh: 'shell：bash、zsh 或 fish' },
  install: { en: 'Install:', zh: '安装：' },
  bash: {
    en: '# bash (needs bash-completion, or source it from ~/.bashrc)',
    zh: '# bash（需要 bash-completion，或在 ~/.bashrc 中 source 它）',
  },
  zsh: { en: '# zsh (a directory in $fpath, before compinit runs)', zh: '# zsh（$fpath 中的目录，须在 compinit 运行之前）' },
  fish: { en: '# fish', zh: '# fish' },
  headerShell: { en: 'SHELL', zh: 'SHELL' },
  headerFile: { en: 'FILE', zh: '文件' },
  headerLines: { en: 'LINES', zh: '行数' },
});
