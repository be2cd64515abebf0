import { describe, expect, it } from 'vitest';
import { parseApi, parseAuthorizer, parseRoute, parseStage } from '../../src/apigateway/index.ts';
import { functionNameOf } from '../../src/apigateway/lambda-target.ts';

describe('CloudFormation properties → definitions', () => {
  it.each([
    ['arn:aws:lambda:eu-west-1:000000000000:function:stratum-local-gateway', 'stratum-local-gateway'],
    ['arn:aws:lambda:eu-west-1:000000000000:function:gateway:live', 'gateway:live'],
    [
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:000000000000:function:auth/invocations',
      'auth',
    ],
    ['plain-name', 'plain-name'],
  ])('finds the function of %s', (uri, name) => {
    expect(functionNameOf(uri, 'Integration')).toBe(name);
  });

  it('refuses a URI that names no function', () => {
    expect(() => functionNameOf('https://example.com/backend', 'Integration')).toThrow(
      /not a Lambda function ARN/,
    );
  });

  it('converts strings built by Fn::Join into the numbers and booleans CloudFormation expects', () => {
    const authorizer = parseAuthorizer(
      {
        ApiId: 'a',
        Name: 'n',
        AuthorizerType: 'REQUEST',
        AuthorizerUri: 'fn',
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: '60',
      },
      'Authorizer',
    );
    expect(authorizer.resultTtlSeconds).toBe(60);
    const stage = parseStage(
      {
        ApiId: 'a',
        StageName: '$default',
        DefaultRouteSettings: { ThrottlingRateLimit: '50', ThrottlingBurstLimit: '100' },
      },
      'Stage',
    );
    expect(stage.defaultThrottle).toEqual({ rateLimit: 50, burstLimit: 100 });
  });

  it('lists every problem of a resource in one error', () => {
    expect(() =>
      parseAuthorizer(
        {
          ApiId: 'a',
          Name: 'n',
          AuthorizerType: 'REQUEST',
          AuthorizerUri: 'fn',
          AuthorizerPayloadFormatVersion: '1.0',
          EnableSimpleResponses: false,
          AuthorizerResultTtlInSeconds: 300,
        },
        'Authorizer',
      ),
    ).toThrow(/AuthorizerPayloadFormatVersion: .*; EnableSimpleResponses: /);
    expect(() =>
      parseAuthorizer(
        {
          ApiId: 'a',
          Name: 'n',
          AuthorizerType: 'REQUEST',
          AuthorizerUri: 'fn',
          AuthorizerPayloadFormatVersion: '2.0',
          EnableSimpleResponses: true,
          AuthorizerResultTtlInSeconds: 300,
        },
        'Authorizer',
      ),
    ).toThrow(/IdentitySource: caching .* needs at least one identity source/);
  });

  it('refuses what API Gateway refuses', () => {
    expect(() =>
      parseApi(
        {
          Name: 'a',
          ProtocolType: 'HTTP',
          CorsConfiguration: { AllowOrigins: ['*'], AllowCredentials: true },
        },
        'Api',
      ),
    ).toThrow(/AllowCredentials cannot be true/);
    expect(() => parseRoute({ ApiId: 'a', RouteKey: 'GET /', AuthorizationType: 'CUSTOM' }, 'Route')).toThrow(
      /AuthorizerId: required with CUSTOM/,
    );
    expect(() => parseRoute({ ApiId: 'a', RouteKey: 'GET /', AuthorizationType: 'JWT' }, 'Route')).toThrow(
      /only NONE and CUSTOM/,
    );
    expect(() => parseRoute({ ApiId: 'a', RouteKey: 'GET /', Target: 'https://x' }, 'Route')).toThrow(
      /integrations\/<IntegrationId>/,
    );
  });

  it('normalizes the CORS configuration', () => {
    expect(
      parseApi(
        {
          Name: 'a',
          ProtocolType: 'HTTP',
          CorsConfiguration: {
            AllowOrigins: ['http://x'],
            AllowHeaders: ['Authorization'],
            AllowMethods: ['get'],
          },
        },
        'Api',
      ).cors,
    ).toEqual({
      allowOrigins: ['http://x'],
      allowMethods: ['GET'],
      allowHeaders: ['authorization'],
      exposeHeaders: [],
      allowCredentials: false,
    });
  });
});
