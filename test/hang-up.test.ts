// A terminal that hangs up while `configure` asks a question (create -i's are in
// interactive-prompts.test.ts): exit 129 with one line, nothing written, no uncaught EIO.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';
import { hangUpLater } from './helpers/hang-up.js';
import { makeTempHome } from './helpers/home.js';

describe('configure when the terminal hangs up', () => {
  test('at the SecretId question: exit 129, one line, no profile written', async () => {
    const home = makeTempHome();
    try {
      const term = fakeTerminal();
      const hangUp = hangUpLater(term);
      const env = home.env({}) as Record<string, string>;
      const code = main(['configure'], terminalContext(term, { env }));
      await term.waitFor('SecretId');
      hangUp();
      assert.equal(await code, 129, term.screen());
      assert.match(term.err(), /^error: the terminal hung up; cancelled, nothing sent$/m);
      assert.doesNotMatch(term.err(), /^\s+at /m, 'no stack trace');
      assert.equal(existsSync(join(env.HOME!, '.tccli', 'default.credential')), false, 'nothing written');
    } finally {
      home.cleanup();
    }
  });
});
