/**
 * After a hang-up the terminal refuses every change of mode (EIO). Node restores the modes it
 * found at start on its way out, and on Node 20 a refusal other than EPERM there aborts the process
 * (SIGABRT, a core dump instead of exit 129). Node leaves alone a descriptor that no longer refers
 * to the file it saw at start, so once a hang-up was seen, stdin, stdout and stderr that are no
 * longer terminals are pointed at /dev/null as the process exits. A terminal still there keeps its
 * modes restored as usual.
 */
let armed = false;

export function releaseTerminalAtExit(): void {
  if (armed) return;
  armed = true;
  process.once('exit', () => {
    const fs = process.getBuiltinModule('node:fs');
    const { isatty } = process.getBuiltinModule('node:tty');
    for (const fd of [0, 1, 2]) {
      try {
        // A pipe or a file is not restored by Node; a terminal that is still there is.
        if (!fs.fstatSync(fd).isCharacterDevice() || isatty(fd)) continue;
        fs.closeSync(fd);
        const reopened = fs.openSync('/dev/null', fd === 0 ? 'r' : 'w');
        if (reopened !== fd) fs.closeSync(reopened);
      } catch {
        // Closed already, or nothing to open: Node skips a descriptor it cannot find.
      }
    }
  });
}
