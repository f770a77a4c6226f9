// The spinner as a person sees it: in a real terminal (tmux), while the task runs, then the
// success line and the ids; Ctrl-C leaves the cursor visible and says how to resume.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { emulatorEnv } from './helpers/cli.js';
import { sh, startTmux, tmuxAvailable, type TmuxSession } from './helpers/tmux.js';

const LB = 'lb-cuxw2rm0';

describe('the spinner in a real terminal', { skip: tmuxAvailable() ? false : 'tmux not installed' }, () => {
  let emu: InProcessEmulator;
  let session: TmuxSession | undefined;
  before(async () => {
    // Real time (the CLI is a real process); the tasks end when the test says so.
    emu = await inProcessEmulator({ loadBalancers: [LB], realTime: true });
    await emu.faults([{ action: 'CreateListener', kind: 'taskHang', times: -1 }]);
  });
  after(async () => {
    session?.kill();
    await emu.stop();
  });

  const script = (args: string) => {
    const env = Object.entries({ ...emulatorEnv(emu), TERM: 'xterm-256color' })
      .map(([k, v]) => `${k}=${sh(String(v))}`)
      .join(' ');
    // The shell traps SIGINT (a handler, not an ignore, so the CLI still gets it) to survive Ctrl-C and report.
    return `trap 'true' INT; env -i ${env} ${sh(process.execPath)} bin/clb-listener.js ${args} --endpoint ${emu.endpoint}; echo EXIT=$?; sleep 30`;
  };

  test('spins with the elapsed time while waiting, then prints the result', async () => {
    session = startTmux(script(`create --lb ${LB} --port 80 --protocol TCP`), { cwd: REPO_ROOT, width: 120, height: 20 });
    const spinning = await session.waitFor(/waiting for task [0-9a-f]{8}… \(\d+\.\ds\)/);
    assert.match(spinning, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Creating 1 TCP listener on lb-cuxw2rm0 \(port 80\)/);
    await emu.finishTasks();
    const done = await session.waitFor(/EXIT=\d+/);
    assert.match(done, /✔ Created 1 TCP listener on lb-cuxw2rm0 \(port 80\) in \d+\.\ds: lbl-[a-z0-9]{8}/);
    assert.match(done, /^lbl-[a-z0-9]{8}$/m, 'the id on its own line');
    assert.match(done, /EXIT=0/);
    assert.doesNotMatch(done, /waiting for task/, 'the spinner line was replaced, not left behind');
    assert.equal(session.display('#{cursor_flag}'), '1', 'cursor visible again');
    session.kill();
    session = undefined;
  });

  test('Ctrl-C stops the spinner cleanly and prints how to resume', async () => {
    session = startTmux(script(`create --lb ${LB} --port 81 --protocol TCP`), { cwd: REPO_ROOT, width: 120, height: 20 });
    await session.waitFor(/waiting for task/);
    session.keys('C-c');
    const pane = await session.waitFor(/EXIT=\d+/);
    assert.match(pane, /EXIT=130/);
    assert.match(pane, /hint: the task keeps running; follow it with: clb-listener wait [0-9a-f-]{36} --endpoint/);
    assert.doesNotMatch(pane, /\n\s+at /, 'no stack trace');
    assert.equal(session.display('#{cursor_flag}'), '1', 'cursor visible again');
  });
});
