import { describe, expect, it } from 'vitest';
import { DependencyCycleError, RuleAssertionError } from '../../src/template/index.ts';
import { deployInline, resolveValue } from './inline-stack.ts';

const Parameters = { Stage: { Type: 'String', Default: 'local' }, Env: { Type: 'String', Default: 'dev' } };
const Conditions = {
  IsLocal: { 'Fn::Equals': [{ Ref: 'Stage' }, 'local'] },
  IsProd: { 'Fn::Equals': ['prod', { Ref: 'Stage' }] },
  NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
  LocalAndDev: { 'Fn::And': [{ Condition: 'IsLocal' }, { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] }] },
  ProdOrEu: { 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }] },
};

describe('conditions', () => {
  it('evaluates Fn::Equals, Fn::Not, Fn::And, Fn::Or and named conditions in Fn::If', async () => {
    const names = ['IsLocal', 'IsProd', 'NotProd', 'LocalAndDev', 'ProdOrEu'];
    const value = await resolveValue(
      names.map((name) => ({ 'Fn::If': [name, `${name}:yes`, `${name}:no`] })),
      { Parameters, Conditions },
    );
    expect(value).toEqual(['IsLocal:yes', 'IsProd:no', 'NotProd:yes', 'LocalAndDev:yes', 'ProdOrEu:yes']);
  });

  it('resolves only the branch Fn::If takes, and AWS::NoValue removes the key', async () => {
    const deployed = await deployInline({
      Parameters,
      Conditions,
      Resources: {
        Thing: {
          Type: 'Test::Thing',
          Properties: {
            Size: { 'Fn::If': ['IsProd', { 'Fn::Select': [9, []] }, 1] },
            Tracing: { 'Fn::If': ['IsLocal', { Ref: 'AWS::NoValue' }, 'Active'] },
            Tags: [{ 'Fn::If': ['IsProd', 'prod', { Ref: 'AWS::NoValue' }] }, 'always'],
          },
        },
      },
    });
    expect(deployed.resources.get('Thing')?.properties).toEqual({ Size: 1, Tags: ['always'] });
  });

  it('skips resources and outputs whose condition is false', async () => {
    const deployed = await deployInline({
      Parameters,
      Conditions,
      Resources: { ProdOnly: { Type: 'Test::Thing', Condition: 'IsProd' }, Always: { Type: 'Test::Thing' } },
      Outputs: {
        ProdOut: { Condition: 'IsProd', Value: { Ref: 'ProdOnly' } },
        Out: { Value: { Ref: 'Always' } },
      },
    });
    expect(deployed.resources.get('ProdOnly')?.status).toBe('skipped');
    expect(deployed.outputs).toEqual({ Out: 'Always-id' });
  });

  it('fails when a created resource references a skipped one', async () => {
    const failure = deployInline({
      Parameters,
      Conditions,
      Resources: {
        ProdOnly: { Type: 'Test::Thing', Condition: 'IsProd' },
        User: { Type: 'Test::Thing', Properties: { Target: { Ref: 'ProdOnly' } } },
      },
    });
    await expect(failure).rejects.toThrow(
      /Ref of ProdOnly, which is not created because its condition IsProd is false/,
    );
  });

  it('reports conditions that use each other in a loop', async () => {
    const failure = deployInline({
      Conditions: { A: { 'Fn::Not': [{ Condition: 'B' }] }, B: { 'Fn::Not': [{ Condition: 'A' }] } },
    });
    await expect(failure).rejects.toBeInstanceOf(DependencyCycleError);
    await expect(failure).rejects.toThrow('condition dependency cycle: A → B → A');
  });

  it('checks Rules: CDK bootstrap version passes, a false assertion stops with its description', async () => {
    const bootstrap = {
      Parameters: {
        BootstrapVersion: {
          Type: 'AWS::SSM::Parameter::Value<String>',
          Default: '/cdk-bootstrap/hnb659fds/version',
        },
      },
      Rules: {
        CheckBootstrapVersion: {
          Assertions: [
            {
              Assert: {
                'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }],
              },
              AssertDescription: 'CDK bootstrap stack version 6 required.',
            },
          ],
        },
      },
    };
    await expect(deployInline(bootstrap)).resolves.toBeDefined();
    const failing = {
      ...bootstrap,
      Rules: {
        Region: {
          Assertions: [
            {
              Assert: { 'Fn::EachMemberIn': [[{ Ref: 'AWS::Region' }], ['us-east-1']] },
              AssertDescription: 'deploy to us-east-1',
            },
          ],
        },
      },
    };
    await expect(deployInline(failing)).rejects.toBeInstanceOf(RuleAssertionError);
    await expect(deployInline(failing)).rejects.toThrow('rule Region failed: deploy to us-east-1');
  });
});
