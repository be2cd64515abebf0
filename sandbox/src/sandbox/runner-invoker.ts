import type { FunctionInvoker } from '../apigateway/function-invoker.ts';
import type { LambdaRunner } from '../lambda/lambda-runner.ts';

/**
 * The API Gateway emulator's view of the Lambda runner: the runner answers with the payload as JSON
 * text (as Lambda's Invoke API does); the emulator wants the value.
 */
export function runnerInvoker(runner: LambdaRunner): FunctionInvoker {
  return {
    async invoke(functionName, event) {
      const result = await runner.invoke(functionName, { event });
      const payload = result.payload === '' ? undefined : (JSON.parse(result.payload) as unknown);
      return result.functionError ? { payload, functionError: result.functionError } : { payload };
    },
  };
}
