// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are written with ${...}
import { describe, expect, it } from 'vitest';
import {
  buildResourceGraph,
  type CfnTemplate,
  DependencyCycleError,
  UnknownReferenceError,
} from '../../src/template/index.ts';

const thing = (properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  Type: 'Test::Thing',
  Properties: properties,
  ...extra,
});

describe('buildResourceGraph', () => {
  it('orders resources after everything they reference, by every kind of reference', () => {
    const template: CfnTemplate = {
      Resources: {
        Api: thing({
          Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
          Url: { 'Fn::Sub': 'https://${Domain}/${Bucket.Arn}/${!Skip}' },
        }),
        Alarm: thing({ Target: { 'Fn::Sub': ['${X}', { X: { Ref: 'Api' } }] } }, { DependsOn: ['Log'] }),
        Log: thing({}, { DependsOn: 'Role' }),
        Role: thing(),
        Domain: thing({ Name: { 'Fn::GetAtt': 'Bucket.DomainName' } }),
        Bucket: thing(),
      },
    };
    const { order, dependencies } = buildResourceGraph(template, 'test');
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('Role', 'Api');
    before('Domain', 'Api');
    before('Bucket', 'Api');
    before('Bucket', 'Domain');
    before('Api', 'Alarm');
    before('Log', 'Alarm');
    before('Role', 'Log');
    expect([...(dependencies.get('Api') ?? [])].sort()).toEqual(['Bucket', 'Domain', 'Role']);
    expect(dependencies.get('Api')?.has('Skip')).toBe(false);
  });

  it('names the resources of a cycle', () => {
    const template: CfnTemplate = {
      Resources: {
        Free: thing(),
        A: thing({ Next: { Ref: 'B' } }),
        B: thing({ Next: { 'Fn::GetAtt': ['C', 'Arn'] } }),
        C: thing({}, { DependsOn: 'A' }),
      },
    };
    expect(() => buildResourceGraph(template, 'test')).toThrow(DependencyCycleError);
    expect(() => buildResourceGraph(template, 'test')).toThrow(
      'stack test: resource dependency cycle: A → B → C → A',
    );
  });

  it('lists every unknown name with where it is used', () => {
    const template: CfnTemplate = {
      Resources: {
        A: thing(
          {
            X: { Ref: 'Missing' },
            Y: { 'Fn::Sub': '${Ghost.Arn}' },
            Z: { 'Fn::If': ['NoSuchCondition', 1, 2] },
          },
          { DependsOn: 'Nobody' },
        ),
      },
      Outputs: { Out: { Value: { 'Fn::GetAtt': ['Param', 'Arn'] } } },
      Parameters: { Param: { Type: 'String', Default: 'x' } },
    };
    let error: unknown;
    try {
      buildResourceGraph(template, 'test');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownReferenceError);
    const message = (error as Error).message;
    expect(message).toContain('stack test has 5 unknown reference(s)');
    expect(message).toContain(
      'Resources.A.DependsOn: DependsOn "Nobody", which is not a resource of this template',
    );
    expect(message).toContain(
      'Resources.A.Properties.X.Ref: "Missing" is neither a resource, a parameter nor a pseudo parameter',
    );
    expect(message).toContain('Resources.A.Properties.Y.Fn::Sub: Fn::GetAtt of "Ghost"');
    expect(message).toContain(
      'Resources.A.Properties.Z.Fn::If[0]: condition "NoSuchCondition" is not declared',
    );
    expect(message).toContain('Outputs.Out.Value.Fn::GetAtt: Fn::GetAtt of "Param", which is not a resource');
  });

  it('refuses a condition that reads a resource', () => {
    const template: CfnTemplate = {
      Resources: { A: thing() },
      Conditions: { Bad: { 'Fn::Equals': [{ Ref: 'A' }, 'x'] } },
    };
    expect(() => buildResourceGraph(template, 'test')).toThrow('a condition cannot use the resource "A"');
  });
});
