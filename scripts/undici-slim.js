// The part of undici the CLI uses, for the bundle only (scripts/bundle.js resolves `undici` to
// this file). undici's own entry loads fetch, WebSocket, EventSource, caches, cookies and mock
// agents as well: 730 KB once bundled, against 400 KB for the dispatchers and their request()
// method, which is all that src/ touches. test/bundle.test.ts checks that every name src/ takes
// from undici is exported here.
import Agent from 'undici/lib/dispatcher/agent.js';
import Client from 'undici/lib/dispatcher/client.js';
import buildConnector from 'undici/lib/core/connect.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js';
import api from 'undici/lib/api/index.js';
import errors from 'undici/lib/core/errors.js';

// What undici's entry does so that every dispatcher has request(), stream(), pipeline()…
Object.assign(Dispatcher.prototype, api);

export { Agent, buildConnector, Client, Dispatcher, Pool, ProxyAgent, errors };
export default { Agent, buildConnector, Client, Dispatcher, Pool, ProxyAgent, errors };
