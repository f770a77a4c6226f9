// The emulator's control surface can be driven by a test on this machine, and not by a web page
// the user visits: it answers only to a loopback Host (DNS rebinding) and takes only JSON bodies
// (a cross-origin form post cannot send that content type without the browser asking first).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, rawRequest, type InProcessEmulator } from './helpers/emulator.js';

describe('emulator control surface', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator();
  });
  after(() => emu.stop());

  const rule = JSON.stringify({ rules: [{ kind: 'drop' }] });

  test('a JSON POST with a loopback Host works', async () => {
    const port = new URL(emu.endpoint).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost']) {
      const res = await rawRequest(emu.endpoint, {
        path: '/__emulator/faults',
        headers: { Host: host, 'Content-Type': 'application/json; charset=utf-8' },
        body: rule,
      });
      assert.equal(res.status, 200, `${host}: ${res.text}`);
    }
    await emu.reset();
  });

  test('a name that was re-pointed at 127.0.0.1 is refused, for reads too', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await rawRequest(emu.endpoint, {
        method,
        path: method === 'GET' ? '/__emulator/state' : '/__emulator/faults',
        headers: { Host: 'attacker.example:80', 'Content-Type': 'application/json' },
        ...(method === 'POST' ? { body: rule } : {}),
      });
      assert.equal(res.status, 403, `${method}: ${res.text}`);
      assert.match(res.text, /loopback Host/);
    }
    assert.deepEqual((await emu.state()).faults, [], 'nothing was changed');
  });

  test('a POST that is not JSON (a cross-origin form or text/plain) is refused', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const res = await rawRequest(emu.endpoint, {
        path: '/__emulator/faults',
        headers: type ? { 'Content-Type': type } : {},
        body: rule,
      });
      assert.equal(res.status, 415, `${type}: ${res.text}`);
    }
    assert.deepEqual((await emu.state()).faults, [], 'nothing was changed');
  });

  test('a request from a web page (an Origin other than the emulator itself) is refused, for reads too', async () => {
    const port = new URL(emu.endpoint).port;
    for (const origin of ['https://attacker.example', 'null', `http://localhost:${Number(port) + 1}`]) {
      for (const method of ['GET', 'POST']) {
        const res = await rawRequest(emu.endpoint, {
          method,
          path: method === 'GET' ? '/__emulator/state' : '/__emulator/faults',
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          ...(method === 'POST' ? { body: rule } : {}),
        });
        assert.equal(res.status, 403, `${origin} ${method}: ${res.text}`);
        assert.match(res.text, /Origin/);
      }
    }
    assert.deepEqual((await emu.state()).faults, [], 'nothing was changed');
    const own = await rawRequest(emu.endpoint, {
      method: 'GET',
      path: '/__emulator/state',
      headers: { Origin: `http://127.0.0.1:${port}` },
    });
    assert.equal(own.status, 200, own.text);
  });
});
