/**
 * The tool in shell scripts, as the README shows it: `ids=$(clb-listener create …)` captures
 * exactly the ids, `set -e` stops at a failing create with its exit code, and a RequestId
 * captured from `--no-wait` feeds `wait`. Run by a real bash against the emulator.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, REPO_ROOT, type TempHome } from './helpers/home.js';

const LB = 'lb-script01';
let emu: InProcessEmulator;
let home: TempHome;

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 30, loadBalancers: [LB] });
  home = makeTempHome();
});
after(async () => {
  await emu.stop();
  home.cleanup();
});

/** Runs `script` in bash, where `clb-listener` is the real binary talking to the emulator. */
function bash(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = home.env({
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    NODE: process.execPath,
    ENDPOINT: emu.endpoint,
  });
  const prelude = 'clb-listener() { "$NODE" bin/clb-listener.js --endpoint "$ENDPOINT" "$@"; }\n';
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--norc', '--noprofile', '-c', prelude + script],
      { cwd: REPO_ROOT, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
      },
    );
  });
}

describe('shell pipelines', () => {
  test('ids=$(clb-listener create …) captures exactly the ids: two ports, two lines', async () => {
    const result = await bash(`
      set -euo pipefail
      ids=$(clb-listener create --lb ${LB} --port 30001,30002 --protocol TCP)
      printf 'count=%s\\n' "$(printf '%s\\n' "$ids" | wc -l)"
      for id in $ids; do printf 'id=%s\\n' "$id"; done
    `);
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout.trim().split('\n');
    assert.equal(out[0], 'count=2');
    assert.equal(out.length, 3, result.stdout);
    for (const line of out.slice(1)) assert.match(line, /^id=lbl-[a-z0-9]{8}$/);
    const made = (await emu.state()).listeners.filter((l) => l.LoadBalancerId === LB).map((l) => `id=${l.ListenerId}`);
    for (const line of out.slice(1)) assert.ok(made.includes(line), `${line} is a listener the emulator made`);
    // Progress went to stderr, not into $ids.
    assert.match(result.stderr, /Created 2 TCP listeners/);
  });

  test('set -e stops at a failing create, with its exit code (1: port conflict)', async () => {
    const result = await bash(`
      set -e
      clb-listener create --lb ${LB} --port 30010 --protocol TCP >/dev/null
      clb-listener create --lb ${LB} --port 30010 --protocol TCP
      echo SHOULD-NOT-PRINT
    `);
    assert.equal(result.code, 1, result.stderr);
    assert.doesNotMatch(result.stdout, /SHOULD-NOT-PRINT/);
    assert.match(result.stderr, /PortCheckFailed/);
  });

  test('set -e stops at a usage error (2) before anything is sent', async () => {
    const before = await emu.requestCount();
    const result = await bash(`set -e; clb-listener create --lb ${LB} --port 30020 --protocol NOPE; echo SHOULD-NOT-PRINT`);
    assert.equal(result.code, 2, result.stderr);
    assert.doesNotMatch(result.stdout, /SHOULD-NOT-PRINT/);
    assert.equal(await emu.requestCount(), before);
  });

  test('a script branches on the exit code and resumes a wait: --no-wait, then wait "$id"', async () => {
    const result = await bash(`
      set -u
      id=$(clb-listener create --lb ${LB} --port 30030 --protocol TCP --no-wait -q --query RequestId)
      echo "request=$id"
      if clb-listener wait "$id" -q; then echo "waited=ok"; else echo "waited=$?"; fi
      clb-listener create --lb ${LB} --port 30030 --protocol TCP -q 2>/dev/null
      case $? in
        0) echo created ;;
        1) echo rejected ;;
        *) echo other ;;
      esac
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^request=[0-9a-f-]{36}$/m);
    assert.match(result.stdout, /^waited=ok$/m);
    assert.match(result.stdout, /^rejected$/m);
    assert.equal(result.stderr, '', '-q keeps stderr empty when all goes well');
  });

  test('-o json | a JSON parser: stdout is one JSON document', async () => {
    const result = await bash(`
      set -euo pipefail
      clb-listener create --lb ${LB} --port 30040 --protocol TCP -o json | "$NODE" -e '
        let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
          const r = JSON.parse(s); console.log(r.TaskStatus, r.ListenerIds.length);
        });'
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'SUCCESS 1\n');
  });
});
