import {
  CreatePlatformEndpointCommand,
  DeleteEndpointCommand,
  GetEndpointAttributesCommand,
  InvalidParameterException,
  NotFoundException,
  SetEndpointAttributesCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';

const notFound = () => new NotFoundException({ message: 'Endpoint does not exist', $metadata: {} });

/**
 * SNS platform endpoints as the service behaves: one endpoint per token and application;
 * CreatePlatformEndpoint with the same token returns the existing endpoint when its attributes
 * match, and fails with InvalidParameter naming it when CustomUserData differs. Tokens that
 * contain `bad` are refused as the push service would.
 */
export function fakeSnsEndpoints() {
  const endpoints = new Map<string, Record<string, string>>();
  let sequence = 0;
  const sns = mockClient(SNSClient);
  const client = new SNSClient({ region: 'eu-west-1' });

  sns.on(CreatePlatformEndpointCommand).callsFake((input) => {
    const { PlatformApplicationArn = '', Token = '', CustomUserData = '' } = input;
    if (Token.includes('bad')) {
      throw new InvalidParameterException({
        message: 'Invalid parameter: Token Reason: malformed',
        $metadata: {},
      });
    }
    for (const [arn, attributes] of endpoints) {
      if (attributes.Token !== Token) continue;
      if (attributes.CustomUserData === CustomUserData) return { EndpointArn: arn };
      throw new InvalidParameterException({
        message: `Invalid parameter: Token Reason: Endpoint ${arn} already exists with the same Token, but different attributes.`,
        $metadata: {},
      });
    }
    sequence += 1;
    const arn = `${PlatformApplicationArn.replace(':app/', ':endpoint/')}/endpoint-${sequence}`;
    endpoints.set(arn, { Token, CustomUserData, Enabled: 'true' });
    return { EndpointArn: arn };
  });
  sns.on(GetEndpointAttributesCommand).callsFake(({ EndpointArn = '' }) => {
    const attributes = endpoints.get(EndpointArn);
    if (!attributes) throw notFound();
    return { Attributes: { ...attributes } };
  });
  sns.on(SetEndpointAttributesCommand).callsFake(({ EndpointArn = '', Attributes = {} }) => {
    const attributes = endpoints.get(EndpointArn);
    if (!attributes) throw notFound();
    endpoints.set(EndpointArn, { ...attributes, ...Attributes });
    return {};
  });
  sns.on(DeleteEndpointCommand).callsFake(({ EndpointArn = '' }) => {
    endpoints.delete(EndpointArn);
    return {};
  });
  return { sns, client, endpoints };
}
