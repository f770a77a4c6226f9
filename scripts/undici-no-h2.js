// What the bundle gives undici in place of its HTTP/2 client (lib/dispatcher/client-h2.js), which
// loads node:http2, node:tls and Node's HTTP server when undici loads. undici calls it only on a
// connection that negotiated HTTP/2, which it offers only when a dispatcher sets `allowH2: true`;
// the CLI never does (scripts/bundle.js, test/bundle.test.ts).
module.exports = function connectH2() {
  throw new Error('HTTP/2 is not part of this build of undici (allowH2 is never set)');
};
