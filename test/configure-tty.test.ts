// The interactive `configure` in a real terminal (tmux): the secret key is masked on screen,
// current values come back masked as defaults, and the files are written.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { BIN, NO_METADATA_URL, makeTempHome, type TempHome } from './helpers/home.js';
import { eventually } from './helpers/eventually.js';

const ID = 'AKIDtmuxTerminal00000000000000000001';
const KEY = 'tmuxTerminalSecretKey00000000001';
/** A tmux server of our own, so nothing here touches anyone else's sessions. */
const SOCKET = `clb-listener-test-${process.pid}`;

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Everything shown so far, scroll-back included; every capture is also checked for the key. */
const screens: string[] = [];
function screen(session: string): string {
  const text = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
  screens.push(text);
  return text;
}

/** Waits (bounded, generously: a loaded machine only makes it look more often) until the screen matches. */
function waitFor(session: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  let text = '';
  return eventually(
    () => {
      text = screen(session);
      return pattern.test(text) && text;
    },
    `${pattern} on screen`,
    { timeoutMs, everyMs: 100 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}:\n${text}`);
  });
}

function startConfigure(home: TempHome, session: string, args: string[] = ['configure']): void {
  // env -i: the developer's own TENCENTCLOUD_* or CI never leak into the run. The trailing sleep
  // keeps the pane (and its last screen) alive after the command exits.
  const command =
    `env -i HOME='${home.dir}' PATH='${process.env.PATH}' TERM=screen CLB_LISTENER_METADATA_URL='${NO_METADATA_URL}' ` +
    `'${process.execPath}' '${BIN}' ${args.join(' ')}; echo "EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', command);
}

describe('configure in a terminal', { skip: hasTmux ? false : 'tmux not installed' }, () => {
  let home: TempHome;
  before(() => {
    home = makeTempHome();
  });
  after(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    home.cleanup();
  });

  test('prompts, masks the secret key, writes private tccli files', async () => {
    const session = 'first';
    startConfigure(home, session);
    await waitFor(session, /\? SecretId/);
    tmux('send-keys', '-t', session, '-l', ID);
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /\? SecretKey/);
    tmux('send-keys', '-t', session, '-l', KEY);
    // All 32 characters echoed, as stars.
    await waitFor(session, new RegExp(`SecretKey \\*{${KEY.length}}`));
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /\? Region.*ap-guangzhou/);
    tmux('send-keys', '-t', session, 'Enter');
    const final = await waitFor(session, /EXIT=\d+/);
    assert.match(final, /EXIT=0/);
    assert.match(final, /saved profile "default"/);
    // No question about tccli's output format, which clb-listener does not use (it goes by -o).
    assert.ok(!screens.some((s) => /Output format/.test(s)), 'asked for an output format');

    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { secretId: ID, secretKey: KEY });
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { arrayCount: 10, output: 'json', region: 'ap-guangzhou', warning: 'off' },
      clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
    });
    assert.equal(statSync(home.path('.tccli')).mode & 0o777, 0o700);
    assert.equal(statSync(home.path('.tccli', 'default.credential')).mode & 0o777, 0o600);
    assert.ok(!screens.some((s) => s.includes(KEY)), 'the secret key appeared on screen');
  });

  test('a second run shows current values masked and Enter keeps them', async () => {
    const session = 'second';
    startConfigure(home, session);
    const first = await waitFor(session, /\? SecretId/);
    assert.match(first, /SecretId \[AKID\*\*\*\*0001; Enter keeps it\]/);
    assert.ok(!first.includes(ID), 'the current SecretId is shown masked');
    tmux('send-keys', '-t', session, 'Enter');
    // The secret key shows only its last four characters; the SecretId above, both ends.
    await waitFor(session, /\? SecretKey \[\*\*\*\*0001; Enter keeps it\]/);
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /\? Region/);
    tmux('send-keys', '-t', session, '-l', 'ap-singapore');
    tmux('send-keys', '-t', session, 'Enter');
    assert.match(await waitFor(session, /EXIT=\d+/), /EXIT=0/);

    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { secretId: ID, secretKey: KEY });
    assert.equal((home.readJson('.tccli', 'default.configure') as { _sys_param: { region: string } })._sys_param.region, 'ap-singapore');
    assert.ok(!screens.some((s) => s.includes(KEY)), 'the secret key appeared on screen');
  });

  test('configure set secretKey - in a terminal asks with a masked prompt', async () => {
    const session = 'stdin';
    const replacement = 'tmuxReplacementSecretKey00000002';
    startConfigure(home, session, ['configure', 'set', 'secretKey', '-']);
    await waitFor(session, /\? secretKey/);
    tmux('send-keys', '-t', session, '-l', replacement);
    await waitFor(session, new RegExp(`secretKey \\*{${replacement.length}}`));
    tmux('send-keys', '-t', session, 'Enter');
    assert.match(await waitFor(session, /EXIT=\d+/), /EXIT=0/);
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { secretId: ID, secretKey: replacement });
    assert.ok(!screens.some((s) => s.includes(replacement)), 'the secret key appeared on screen');
  });

  test('Ctrl-C at a prompt exits 130 and writes nothing new', async () => {
    const session = 'third';
    const before = JSON.stringify(home.readJson('.tccli', 'default.configure'));
    startConfigure(home, session);
    await waitFor(session, /\? SecretId/);
    tmux('send-keys', '-t', session, 'C-c');
    assert.match(await waitFor(session, /EXIT=\d+/), /EXIT=130/);
    assert.equal(JSON.stringify(home.readJson('.tccli', 'default.configure')), before);
  });
});
