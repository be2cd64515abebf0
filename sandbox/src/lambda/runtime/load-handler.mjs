import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runtimeError, toErrorPayload } from './error-payload.mjs';

/** `dir/index.handler` → module `index` in `dir`, export path `handler` (Lambda's own split). */
const HANDLER_EXPRESSION = /^([^.]*)\.(.*)$/;

/** Lambda's Node.js runtime tries these extensions, in this order, before package resolution. */
const EXTENSIONS = ['.js', '.mjs', '.cjs'];

/**
 * Failure of the init phase, carrying the error body Lambda reports for it.
 */
export class InitError extends Error {
  /** @param {{ errorType: string, errorMessage: string, trace: string[] }} payload */
  constructor(payload) {
    super(payload.errorMessage);
    this.name = 'InitError';
    this.payload = payload;
  }
}

/**
 * Loads the function's handler as Lambda's Node.js runtime does: `import()` of the module (Node
 * decides ESM or CommonJS from the extension and the nearest package.json `type`), then the
 * dotted export path, falling back to the CommonJS `module.exports` object.
 *
 * @param {string} taskRoot the unzipped code folder (`LAMBDA_TASK_ROOT`)
 * @param {string} handlerSetting the `Handler` property, e.g. `index.handler`
 * @returns {Promise<Function>}
 */
export async function loadHandler(taskRoot, handlerSetting) {
  const slash = handlerSetting.lastIndexOf('/');
  const moduleRoot = handlerSetting.slice(0, slash + 1);
  const match = HANDLER_EXPRESSION.exec(handlerSetting.slice(slash + 1));
  if (!match?.[1] || !match[2]) {
    throw new InitError(runtimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerSetting}`));
  }
  const [, moduleName, exportPath] = match;
  const file = resolveModule(join(taskRoot, moduleRoot), moduleName);
  if (!file) {
    throw new InitError(
      runtimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'`),
    );
  }
  let namespace;
  try {
    namespace = await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new InitError(
        runtimeError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`, error),
      );
    }
    throw new InitError(toErrorPayload(error));
  }
  const handler = walk(namespace, exportPath) ?? walk(namespace.default, exportPath);
  if (typeof handler !== 'function') {
    throw new InitError(
      runtimeError('Runtime.HandlerNotFound', `${moduleName}.${exportPath} is undefined or not exported`),
    );
  }
  return handler;
}

/**
 * @param {string} directory
 * @param {string} moduleName
 * @returns {string | undefined}
 */
function resolveModule(directory, moduleName) {
  for (const extension of EXTENSIONS) {
    const candidate = join(directory, moduleName + extension);
    if (existsSync(candidate)) return candidate;
  }
  try {
    return createRequire(join(directory, 'noop.js')).resolve(moduleName);
  } catch {
    return undefined;
  }
}

/**
 * @param {unknown} root
 * @param {string} path
 * @returns {unknown}
 */
function walk(root, path) {
  let value = root;
  for (const key of path.split('.')) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
    value = /** @type {Record<string, unknown>} */ (value)[key];
  }
  return value;
}
