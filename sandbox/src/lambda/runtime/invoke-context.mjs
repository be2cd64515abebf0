/**
 * @typedef {object} ContextFields what the runner sends with each invocation
 * @property {string} awsRequestId
 * @property {string} functionName
 * @property {string} functionVersion
 * @property {string} invokedFunctionArn
 * @property {string} memoryLimitInMB
 * @property {string} logGroupName
 * @property {string} logStreamName
 * @property {number} deadlineMs epoch milliseconds at which the invocation times out
 * @property {unknown} [clientContext]
 */

/**
 * The `context` argument of a Node.js Lambda handler, with the fields and methods of Lambda's
 * runtime interface client: the legacy `done`/`succeed`/`fail` complete the invocation like the
 * callback does.
 *
 * @param {ContextFields} fields
 * @param {(error: unknown, result?: unknown) => void} callback
 */
export function createInvokeContext(fields, callback) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fields.functionName,
    functionVersion: fields.functionVersion,
    invokedFunctionArn: fields.invokedFunctionArn,
    memoryLimitInMB: fields.memoryLimitInMB,
    awsRequestId: fields.awsRequestId,
    logGroupName: fields.logGroupName,
    logStreamName: fields.logStreamName,
    identity: undefined,
    clientContext: fields.clientContext,
    getRemainingTimeInMillis: () => fields.deadlineMs - Date.now(),
    /** @param {unknown} error @param {unknown} [result] */
    done: (error, result) => callback(error, result),
    /** @param {unknown} result */
    succeed: (result) => callback(null, result),
    /** @param {unknown} error */
    fail: (error) => callback(error ?? 'handled'),
  };
}
