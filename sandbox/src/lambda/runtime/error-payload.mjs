/**
 * The error body Lambda's Node.js runtime reports for a failed invocation, built the way its
 * runtime interface client does: an `Error` gives its name, message and stack lines; anything
 * else thrown (`throw 'nope'`) gives its type and its string form.
 *
 * @param {unknown} error
 * @returns {{ errorType: string, errorMessage: string, trace: string[] }}
 */
export function toErrorPayload(error) {
  try {
    if (error instanceof Error || isErrorLike(error)) {
      return {
        errorType: String(error.name),
        errorMessage: String(error.message),
        trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}

/**
 * An error from another realm or a plain object shaped like one.
 *
 * @param {unknown} value
 * @returns {value is { name: unknown, message: unknown, stack?: unknown }}
 */
function isErrorLike(value) {
  return typeof value === 'object' && value !== null && 'name' in value && 'message' in value;
}

/**
 * An error of a runtime-chosen type (`Runtime.ImportModuleError`, ...) around a cause.
 *
 * @param {string} errorType
 * @param {string} errorMessage
 * @param {unknown} [cause]
 */
export function runtimeError(errorType, errorMessage, cause) {
  const trace = cause instanceof Error && typeof cause.stack === 'string' ? cause.stack.split('\n') : [];
  return { errorType, errorMessage, trace };
}
