import { ApiDefinitionError } from './errors.ts';

const INVOCATION_URI = /^arn:[\w-]+:apigateway:[\w-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const FUNCTION_ARN = /^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:([\w-]+)(?::([\w$-]+))?$/;
const FUNCTION_NAME = /^[\w-]{1,140}(?::[\w$-]+)?$/;

/**
 * The function an integration or an authorizer calls, as Lambda's `Invoke` takes it: `name` or
 * `name:qualifier`. Accepts what CloudFormation accepts: the API Gateway invocation URI
 * (`arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations`),
 * a function ARN (with an optional alias or version), or a function name.
 *
 * @example
 * functionNameOf('arn:aws:lambda:eu-west-1:000000000000:function:stratum-local-gateway', 'Route')
 * // → 'stratum-local-gateway'
 */
export function functionNameOf(uri: string, resource: string): string {
  const target = INVOCATION_URI.exec(uri)?.[1] ?? uri;
  const arn = FUNCTION_ARN.exec(target);
  if (arn?.[1]) {
    return arn[2] ? `${arn[1]}:${arn[2]}` : arn[1];
  }
  if (!target.startsWith('arn:') && FUNCTION_NAME.test(target)) {
    return target;
  }
  throw new ApiDefinitionError(resource, [
    `"${uri}" is not a Lambda function ARN, name, or API Gateway invocation URI ` +
      '(arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations)',
  ]);
}
