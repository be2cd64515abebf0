/**
 * The runtime inside each function's process: the sandbox's counterpart of Lambda's Node.js
 * runtime interface client. It is plain JavaScript on purpose: the function's process runs the
 * bare `node` binary with the function's environment only, with no TypeScript loader of the
 * sandbox's own leaking into it.
 *
 * Protocol (IPC, JSON): the runner sends `{ type: 'invoke', event, context, traceId }`, one at
 * a time; the runtime answers `ready` after the init phase (or `init-error`), and `result` for
 * each invocation — after writing the end-of-invocation marker (argv[2]) on stdout and stderr,
 * so the runner knows every log line of the invocation has arrived before it completes it.
 */
import { toErrorPayload } from './error-payload.mjs';
import { InitError, loadHandler } from './load-handler.mjs';
import { runHandler } from './run-handler.mjs';

const endMarker = process.argv[2] ?? '';
const send = (/** @type {object} */ message) => process.send?.(message);

// The runner went away (even killed): nothing will ever invoke this process again.
process.on('disconnect', () => process.exit(0));

let handler;
try {
  handler = await loadHandler(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), process.env._HANDLER ?? '');
} catch (error) {
  send({ type: 'init-error', error: error instanceof InitError ? error.payload : toErrorPayload(error) });
}

if (handler) {
  const loaded = handler;
  process.on('message', (/** @type {any} */ message) => {
    if (message?.type === 'invoke') void invoke(loaded, message);
  });
  send({ type: 'ready' });
}

/**
 * @param {Function} loaded
 * @param {{ event: unknown, context: import('./invoke-context.mjs').ContextFields, traceId: string }} message
 */
async function invoke(loaded, message) {
  const { awsRequestId } = message.context;
  process.env._X_AMZN_TRACE_ID = message.traceId;
  const outcome = await runHandler(loaded, message.event, message.context);
  let reply;
  if (outcome.ok) {
    try {
      reply = { ok: true, payload: JSON.stringify(outcome.value) ?? 'null' };
    } catch (error) {
      reply = { ok: false, error: toErrorPayload(error) };
    }
  } else {
    reply = { ok: false, error: toErrorPayload(outcome.error) };
  }
  const marker = `${endMarker} ${awsRequestId}\n`;
  process.stdout.write(marker);
  process.stderr.write(marker);
  send({ type: 'result', awsRequestId, ...reply });
}
