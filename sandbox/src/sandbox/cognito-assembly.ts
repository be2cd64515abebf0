import type { StackArtifact } from '../template/index.ts';

/**
 * The web app stacks take the Cognito endpoint their `config.json` names as the `CognitoEndpoint`
 * parameter (infra/src/app/web-app-stack.ts), defaulting to Cognito's regional endpoint; in the
 * sandbox the browser signs in through the AWS endpoint, which also issues the tokens.
 */
export function cognitoEndpointInputs(
  stacks: readonly StackArtifact[],
  endpointUrl: string,
): Record<string, { parameters: Record<string, string> }> {
  const value = `${endpointUrl.replace(/\/+$/, '')}/`;
  return Object.fromEntries(
    stacks
      .filter((stack) => stack.template.Parameters?.CognitoEndpoint !== undefined)
      .map((stack) => [stack.stackName, { parameters: { CognitoEndpoint: value } }]),
  );
}

/** The Cognito triggers (`PostConfirmation`, ...) any user pool of the assembly declares. */
export function cognitoTriggersOf(stacks: readonly StackArtifact[]): string[] {
  const triggers = new Set<string>();
  for (const stack of stacks) {
    for (const resource of Object.values(stack.template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Cognito::UserPool') continue;
      const config = (resource.Properties as Record<string, unknown> | undefined)?.LambdaConfig;
      if (config && typeof config === 'object') for (const key of Object.keys(config)) triggers.add(key);
    }
  }
  return [...triggers].sort();
}
