/** The --debug wire log: each request, response, retry and failure on stderr, redacted. */
import type { WireEvent } from '../api/client.js';
import { redact } from '../core/errors.js';
import { redactBodyText, redactHeaders } from '../api/redact-request.js';
import type { OutStream } from '../core/context.js';

export function wireLogger(stderr: OutStream, secrets: () => readonly string[]): (event: WireEvent) => void {
  const write = (line: string) => stderr.write(`${redact(line, secrets())}\n`);
  return (event) => {
    switch (event.type) {
      case 'request':
        write(`[debug] → ${event.action} (attempt ${event.attempt}) POST ${event.url}`);
        write(`[debug]   headers ${JSON.stringify(redactHeaders(event.headers))}`);
        write(`[debug]   body ${redactBodyText(event.body)}`);
        break;
      case 'response':
        write(`[debug] ← ${event.action} HTTP ${event.status} in ${event.ms} ms: ${redactBodyText(event.body)}`);
        break;
      case 'retry':
        write(`[debug] ↻ ${event.action}: retrying in ${event.delayMs} ms after attempt ${event.attempt} (${event.reason})`);
        break;
      case 'error':
        write(`[debug] ✖ ${event.action} after ${event.ms} ms: ${event.error}`);
        break;
    }
  };
}
