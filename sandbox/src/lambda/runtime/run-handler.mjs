import { createInvokeContext } from './invoke-context.mjs';

/**
 * @typedef {{ ok: true, value: unknown } | { ok: false, error: unknown }} Outcome
 */

/**
 * Calls the handler once and settles with its outcome, with the semantics of Lambda's Node.js
 * runtime: a returned promise settles the invocation; otherwise the callback does, and while
 * `context.callbackWaitsForEmptyEventLoop` is true (the default) the response waits until the
 * event loop is empty. A handler that returns without ever calling back ends with `null` once
 * the loop is empty.
 *
 * @param {Function} handler
 * @param {unknown} event
 * @param {import('./invoke-context.mjs').ContextFields} fields
 * @returns {Promise<Outcome>}
 */
export function runHandler(handler, event, fields) {
  return new Promise((resolve) => {
    let settled = false;
    /** @param {Outcome} outcome */
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      process.removeListener('beforeExit', onEmptyLoop);
      process.channel?.ref();
      resolve(outcome);
    };
    /** @type {Outcome} */
    let pending = { ok: true, value: null };
    const onEmptyLoop = () => settle(pending);
    let waiting = false;
    const waitForEmptyLoop = () => {
      if (waiting) return;
      waiting = true;
      // The IPC channel to the runner keeps the loop alive; while unreferenced, `beforeExit`
      // fires as soon as the handler's own timers and sockets are done, as on Lambda.
      process.channel?.unref();
      process.once('beforeExit', onEmptyLoop);
    };

    /** @param {unknown} error @param {unknown} [result] */
    const callback = (error, result) => {
      if (settled) return;
      pending = error === null || error === undefined ? { ok: true, value: result } : { ok: false, error };
      if (context.callbackWaitsForEmptyEventLoop) waitForEmptyLoop();
      else settle(pending);
    };
    const context = createInvokeContext(fields, callback);

    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      settle({ ok: false, error });
      return;
    }
    if (isThenable(returned)) {
      returned.then(
        (value) => settle({ ok: true, value }),
        (error) => settle({ ok: false, error }),
      );
    } else if (!settled) {
      waitForEmptyLoop();
    }
  });
}

/**
 * @param {unknown} value
 * @returns {value is PromiseLike<unknown>}
 */
function isThenable(value) {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (/** @type {{ then?: unknown }} */ (value).then) === 'function'
  );
}
