import { describe, expect, it } from 'vitest';
import { cognitoEndpointInputs, cognitoTriggersOf } from '../../src/sandbox/cognito-assembly.ts';
import type { StackArtifact } from '../../src/template/index.ts';

function stack(stackName: string, template: StackArtifact['template']): StackArtifact {
  return {
    artifactId: stackName,
    stackName,
    displayName: `local/${stackName}`,
    accountId: '000000000000',
    region: 'eu-west-1',
    templateFile: `${stackName}.template.json`,
    template,
    dependsOn: [],
  };
}

describe('cognito assembly inputs', () => {
  it('lists every trigger any user pool declares, once and sorted', () => {
    const stacks = [
      stack('auth', {
        Resources: {
          Customers: {
            Type: 'AWS::Cognito::UserPool',
            Properties: { LambdaConfig: { PreTokenGeneration: 'x', PostConfirmation: 'y' } },
          },
          Staff: { Type: 'AWS::Cognito::UserPool', Properties: { LambdaConfig: { PostConfirmation: 'z' } } },
          Bare: { Type: 'AWS::Cognito::UserPool' },
          Topic: { Type: 'AWS::SNS::Topic', Properties: { LambdaConfig: { Nope: 'n' } } },
        },
      }),
      stack('api', { Resources: {} }),
    ];
    expect(cognitoTriggersOf(stacks)).toEqual(['PostConfirmation', 'PreTokenGeneration']);
  });

  it('passes the endpoint, with one trailing slash, to the stacks that take a CognitoEndpoint', () => {
    const stacks = [
      stack('web', { Parameters: { CognitoEndpoint: { Type: 'String' } }, Resources: {} }),
      stack('api', { Resources: {} }),
    ];
    expect(cognitoEndpointInputs(stacks, 'http://127.0.0.1:4566//')).toEqual({
      web: { parameters: { CognitoEndpoint: 'http://127.0.0.1:4566/' } },
    });
  });
});
