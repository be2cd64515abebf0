import { describe, expect, it } from 'vitest';
import {
  detectService,
  detectServiceFromForm,
  type RequestHead,
} from '../../src/endpoint/service-detection.ts';

const head = (overrides: Partial<RequestHead> = {}): RequestHead => ({
  method: 'POST',
  url: '/',
  headers: {},
  ...overrides,
});
const signed = (scope: string): RequestHead['headers'] => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/${scope}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`,
});

describe('detectService', () => {
  it.each([
    ['us-east-1/dynamodb', 'dynamodb'],
    ['eu-west-1/sqs', 'sqs'],
    ['eu-west-1/sns', 'sns'],
    ['eu-west-1/s3', 's3'],
    ['eu-west-1/cognito-idp', 'cognito-idp'],
    ['eu-west-1/ses', 'ses'],
    ['eu-west-1/email', 'ses'],
    ['eu-west-1/streams.dynamodb', 'dynamodb'],
    ['eu-west-1/lambda', 'lambda'],
    ['eu-west-1/events', 'events'],
    ['eu-west-1/kms', 'kms'],
  ])('reads the SigV4 credential scope %s as %s', (scope, service) => {
    expect(detectService(head({ headers: signed(scope) }))).toEqual({
      kind: 'service',
      service,
      rule: 'sigv4-authorization',
    });
  });

  it('reads SigV4a scopes, which have no region', () => {
    const headers = {
      authorization: 'AWS4-ECDSA-P256-SHA256 Credential=AKID/20250101/s3/aws4_request, Signature=x',
    };
    expect(detectService(head({ headers }))).toMatchObject({ service: 's3', rule: 'sigv4-authorization' });
  });

  it('prefers the signature over X-Amz-Target and Action', () => {
    const headers = { ...signed('us-east-1/sqs'), 'x-amz-target': 'DynamoDB_20120810.ListTables' };
    expect(detectService(head({ headers, url: '/?Action=Publish' }))).toMatchObject({ service: 'sqs' });
  });

  it('reads the credential of a presigned URL', () => {
    const credential = encodeURIComponent('AKID/20250101/eu-west-1/s3/aws4_request');
    const url = `/media/photo.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Signature=f`;
    expect(detectService(head({ method: 'GET', url }))).toEqual({
      kind: 'service',
      service: 's3',
      rule: 'presigned-query',
    });
  });

  it.each([
    ['DynamoDB_20120810.PutItem', 'dynamodb'],
    ['DynamoDBStreams_20120810.GetRecords', 'dynamodb'],
    ['AWSCognitoIdentityProviderService.SignUp', 'cognito-idp'],
    ['AWSCognitoIdentityProviderService.InitiateAuth', 'cognito-idp'],
    ['AWSEvents.PutEvents', 'events'],
    ['AmazonSQS.SendMessage', 'sqs'],
  ])('routes the unsigned X-Amz-Target %s to %s', (target, service) => {
    const headers = { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' };
    expect(detectService(head({ headers }))).toEqual({ kind: 'service', service, rule: 'amz-target' });
  });

  it('names an X-Amz-Target it does not know', () => {
    expect(detectService(head({ headers: { 'x-amz-target': 'AWSShinyNewService.DoIt' } }))).toEqual({
      kind: 'unknown',
      named: 'X-Amz-Target AWSShinyNewService.DoIt',
    });
  });

  it('asks for the body of an unsigned form POST, then reads its Action', () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    expect(detectService(head({ headers }))).toEqual({ kind: 'needs-body' });
    expect(detectServiceFromForm('Action=Publish&TopicArn=arn')).toMatchObject({
      service: 'sns',
      rule: 'query-action',
    });
    expect(detectServiceFromForm('Action=SendMessage&QueueUrl=x')).toMatchObject({ service: 'sqs' });
    expect(detectServiceFromForm('Action=SendEmail&Source=a')).toMatchObject({ service: 'ses' });
    expect(detectServiceFromForm('Action=GetCallerIdentity&Version=2011-06-15')).toMatchObject({
      service: 'sts',
    });
    expect(detectServiceFromForm('Action=Frobnicate')).toEqual({
      kind: 'unknown',
      named: 'Action=Frobnicate',
    });
    expect(detectServiceFromForm('key=uploads%2Fa.txt')).toMatchObject({ service: 's3', rule: 's3-default' });
  });

  it('reads an Action in the query string without the body', () => {
    expect(detectService(head({ method: 'GET', url: '/?Action=ListTopics' }))).toMatchObject({
      service: 'sns',
    });
  });

  it("sends a user pool's JWKS and OpenID configuration to Cognito, not to a bucket", () => {
    for (const path of [
      '/local_AbC123xy/.well-known/jwks.json',
      '/eu-west-1_AbC123xy/.well-known/openid-configuration',
    ]) {
      expect(detectService(head({ method: 'GET', url: path }))).toEqual({
        kind: 'service',
        service: 'cognito-idp',
        rule: 'cognito-jwks',
      });
    }
    expect(detectService(head({ method: 'GET', url: '/my-bucket/.well-known/jwks.json' }))).toMatchObject({
      service: 's3',
    });
  });

  it.each([
    ['GET', '/media/photo.jpg', {}],
    [
      'OPTIONS',
      '/media/photo.jpg',
      { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' },
    ],
    ['POST', '/media', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['PUT', '/media/a', { authorization: 'AWS AKID:signaturev2' }],
  ])('falls back to S3 for an unsigned browser %s %s', (method, url, headers) => {
    expect(detectService(head({ method, url, headers }))).toEqual({
      kind: 'service',
      service: 's3',
      rule: 's3-default',
    });
  });
});
