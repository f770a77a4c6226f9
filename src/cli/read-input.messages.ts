/** What reading a file or stdin given on the command line says, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const READING = defineMessages({
  tooLargeMiB: {
    en: '%{what} is larger than %{size} MiB, the most this tool reads from one input',
    zh: '%{what} 大于 %{size} MiB，这是本工具从单个输入读取的上限',
  },
  tooLargeBytes: {
    en: '%{what} is larger than %{size} bytes, the most this tool reads from one input',
    zh: '%{what} 大于 %{size} 字节，这是本工具从单个输入读取的上限',
  },
  cannotReadStdin: { en: 'cannot read stdin (%{reason})', zh: '无法读取标准输入（%{reason}）' },
  cannotReadFile: { en: '%{flag} %{path}: cannot read the file (%{reason})', zh: '%{flag} %{path}：无法读取该文件（%{reason}）' },
  giveRegularFile: { en: 'give a regular file, or "-" to read stdin', zh: '请给出普通文件，或用 "-" 读取标准输入' },
  stdinAlreadyRead: { en: '%{flag}: stdin ("-") was already read by another option', zh: '%{flag}：标准输入（"-"）已被另一个选项读取' },
  stdinIsTerminal: {
    en: '%{flag} -: stdin is a terminal; pipe the content in or give a file path',
    zh: '%{flag} -：标准输入是终端；请用管道传入内容，或给出文件路径',
  },
  emptyFileName: { en: '%{flag}: the file name is empty', zh: '%{flag}：文件名为空' },
  stdinOf: { en: '%{flag} stdin', zh: '%{flag} 标准输入' },
  // Why a file cannot be read (the reason in `cannot read the file (…)`).
  isDirectory: { en: 'is a directory', zh: '是目录' },
  isFifo: { en: 'is a named pipe (FIFO), which could block forever', zh: '是命名管道（FIFO），可能永远阻塞' },
  isDevice: { en: 'is a device, which could stream forever', zh: '是设备，可能无休止地输出' },
  isBlockDevice: { en: 'is a block device', zh: '是块设备' },
  isSocket: { en: 'is a socket', zh: '是套接字' },
  notRegular: { en: 'is not a regular file', zh: '不是普通文件' },
  noSuchFile: { en: 'no such file', zh: '文件不存在' },
  permissionDenied: { en: 'permission denied', zh: '权限不足' },
  tooManyLinks: { en: 'too many symbolic links', zh: '符号链接层数过多' },
  nothingBehind: { en: 'is a socket or device with nothing behind it', zh: '是没有对端的套接字或设备' },
  nameTooLong: { en: 'the name is too long', zh: '文件名过长' },
});
