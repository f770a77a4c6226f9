import type { FakeTerminal } from './fake-tty.js';

/**
 * Lets a test hang `term` up: the returned function ends its input, and from then on every change
 * of mode is refused (EIO), as a terminal that hung up does; tty reports that as an 'error' event.
 */
export function hangUpLater(term: FakeTerminal): () => void {
  let gone = false;
  const setRawMode = term.stdin.setRawMode;
  term.stdin.setRawMode = (mode: boolean) => {
    if (!gone) return setRawMode(mode);
    term.stdin.emit('error', Object.assign(new Error('setRawMode EIO'), { code: 'EIO', syscall: 'setRawMode' }));
    return term.stdin;
  };
  return () => {
    gone = true;
    term.stdin.end();
  };
}
