// A terminal that reports no width: 0 columns under `script -qec … /dev/null` (CI wrappers) and
// `docker run -t` as it starts. The spinner divided by the column count (ora 9.4.1) and cleared
// lines without end after the listener was created, never printing its id: such a terminal gets
// the plain lines a pipe gets, and the ids.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-cuxw2rm0';
// Colour is off, so any escape sequence left is the spinner's.
const NO_COLOR = { NO_COLOR: '1' };

describe('a terminal with no width', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 1000 });
  });
  after(() => emu.stop());

  for (const [what, columns] of [
    ['0 columns', 0],
    ['an unknown width', Number.NaN],
  ] as const) {
    test(`create on a terminal with ${what}: plain lines, the id, exit 0`, async () => {
      const port = columns === 0 ? 80 : 81;
      const result = await runAgainst(emu, ['create', '--lb', LB, '--port', String(port), '--protocol', 'TCP'], {
        tty: { stderr: true },
        columns,
        env: NO_COLOR,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^lbl-[a-z0-9]{8}\n$/, 'the id on stdout');
      assert.match(
        result.stderr,
        new RegExp(`^✔ Created 1 TCP listener on ${LB} \\(port ${port}\\) in \\d+\\.\\ds: lbl-[a-z0-9]{8}$`, 'm'),
      );
      assert.doesNotMatch(result.stderr, /\u001b/, 'no spinner: no escape sequences');
    });
  }

  test('apply on a terminal with 0 columns: plain lines, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-width-'));
    const path = join(dir, 'listeners.yaml');
    writeFileSync(path, `listeners:\n  - { LoadBalancerId: ${LB}, Port: 90, Protocol: TCP }\n`);
    const result = await runAgainst(emu, ['apply', '-f', path], { tty: { stderr: true }, columns: 0, env: NO_COLOR });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /\u001b/, 'no spinner: no escape sequences');
    assert.equal((await emu.state()).listeners.filter((l) => l.Port === 90).length, 1);
  });

  test('a terminal with a width still gets the spinner (so the tests above can fail)', async () => {
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '82', '--protocol', 'TCP'], {
      tty: { stderr: true },
      columns: 100,
      env: NO_COLOR,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\u001b\[\?25l/, 'the spinner hid the cursor');
    assert.match(result.stdout, /^lbl-[a-z0-9]{8}\n$/);
  });
});
