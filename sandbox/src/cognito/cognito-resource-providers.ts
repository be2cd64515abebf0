import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  GroupExistsException,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { physicalNameOf } from '../template/physical-names.ts';
import type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
} from '../template/resource-provider.ts';

type Properties = Readonly<Record<string, unknown>>;

/** A user pool the sandbox created, with its Lambda triggers (`LambdaConfig`: trigger → function ARN). */
export interface SandboxUserPool {
  readonly logicalId: string;
  readonly stackName: string;
  readonly userPoolId: string;
  readonly poolName: string;
  readonly issuer: string;
  readonly triggers: Readonly<Record<string, string>>;
}

export interface CognitoProviderOptions {
  /**
   * What the engine writes in the `iss` claim before the pool id (`http://127.0.0.1:<port>`): the pool's
   * `ProviderURL` must equal the tokens' issuer, since the authorizer compares them.
   */
  readonly issuerBase: string;
  readonly onUserPool?: (pool: SandboxUserPool) => void;
}

/** `CreateUserPool` properties that change behaviour locally; tags, tiers and SMS settings do not. */
const POOL_PROPERTIES = [
  'AccountRecoverySetting',
  'AdminCreateUserConfig',
  'AliasAttributes',
  'AutoVerifiedAttributes',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'MfaConfiguration',
  'Policies',
  'Schema',
  'UsernameAttributes',
  'UsernameConfiguration',
  'VerificationMessageTemplate',
  'UserAttributeUpdateSettings',
] as const;

/** Looks a resource up by name through a paginated list call. */
async function findByName<T>(
  list: (token: string | undefined) => Promise<{ items: T[]; next: string | undefined }>,
  matches: (item: T) => boolean,
): Promise<T | undefined> {
  let token: string | undefined;
  do {
    const page = await list(token);
    const found = page.items.find(matches);
    if (found) return found;
    token = page.next;
  } while (token);
  return undefined;
}

/**
 * `AWS::Cognito::UserPool`, `UserPoolClient` and `UserPoolGroup` in cognito-local. Pools and clients are
 * found again by name after a restart (their ids, users and passwords live in `.stratum/cognito`), so
 * tokens issued before a restart stay valid. Triggers (`LambdaConfig`) are reported through `onUserPool`
 * and run by the sandbox's trigger router, per pool, as Cognito does.
 */
export function cognitoResourceProviders(
  client: CognitoIdentityProviderClient,
  options: CognitoProviderOptions,
): ProviderRegistry {
  return {
    'AWS::Cognito::UserPool': {
      async create(
        logicalId: string,
        properties: Properties,
        context: ProvisionContext,
      ): Promise<ProvisionedResource> {
        const poolName = physicalNameOf(properties, 'UserPoolName', logicalId, context, 128);
        const existing = await findByName(
          async (NextToken) => {
            const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
            return { items: page.UserPools ?? [], next: page.NextToken };
          },
          (pool) => pool.Name === poolName,
        );
        let userPoolId = existing?.Id;
        if (!userPoolId) {
          const input: Record<string, unknown> = { PoolName: poolName };
          for (const key of POOL_PROPERTIES) if (properties[key] !== undefined) input[key] = properties[key];
          const created = await client.send(
            new CreateUserPoolCommand(input as unknown as CreateUserPoolCommandInput),
          );
          userPoolId = created.UserPool?.Id;
        }
        if (!userPoolId) throw new Error(`the Cognito engine returned no id for user pool ${poolName}`);
        const triggers = Object.fromEntries(
          Object.entries((properties.LambdaConfig ?? {}) as Properties).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        );
        const issuer = `${options.issuerBase}/${userPoolId}`;
        options.onUserPool?.({
          logicalId,
          stackName: context.stack.stackName,
          userPoolId,
          poolName,
          issuer,
          triggers,
        });
        return {
          physicalId: userPoolId,
          attributes: {
            Arn: `arn:aws:cognito-idp:${context.stack.region}:${context.stack.accountId}:userpool/${userPoolId}`,
            ProviderName: issuer.replace(/^https?:\/\//, ''),
            ProviderURL: issuer,
            UserPoolId: userPoolId,
          },
        };
      },
    },
    'AWS::Cognito::UserPoolClient': {
      async create(
        logicalId: string,
        properties: Properties,
        context: ProvisionContext,
      ): Promise<ProvisionedResource> {
        const userPoolId = String(properties.UserPoolId);
        const clientName = physicalNameOf(properties, 'ClientName', logicalId, context, 128);
        const existing = await findByName(
          async (NextToken) => {
            const page = await client.send(
              new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }),
            );
            return { items: page.UserPoolClients ?? [], next: page.NextToken };
          },
          (c) => c.ClientName === clientName,
        );
        let clientId = existing?.ClientId;
        if (!clientId) {
          const created = await client.send(
            new CreateUserPoolClientCommand({
              UserPoolId: userPoolId,
              ClientName: clientName,
              ...(Array.isArray(properties.ExplicitAuthFlows) && {
                ExplicitAuthFlows: properties.ExplicitAuthFlows.map(String) as never,
              }),
              ...(properties.GenerateSecret === true && { GenerateSecret: true }),
              ...(Array.isArray(properties.ReadAttributes) && {
                ReadAttributes: properties.ReadAttributes.map(String),
              }),
              ...(Array.isArray(properties.WriteAttributes) && {
                WriteAttributes: properties.WriteAttributes.map(String),
              }),
            }),
          );
          clientId = created.UserPoolClient?.ClientId;
        }
        if (!clientId) throw new Error(`the Cognito engine returned no id for client ${clientName}`);
        return { physicalId: clientId, attributes: { Name: clientName } };
      },
    },
    'AWS::Cognito::UserPoolGroup': {
      async create(
        logicalId: string,
        properties: Properties,
        context: ProvisionContext,
      ): Promise<ProvisionedResource> {
        const groupName = physicalNameOf(properties, 'GroupName', logicalId, context, 128);
        try {
          await client.send(
            new CreateGroupCommand({
              UserPoolId: String(properties.UserPoolId),
              GroupName: groupName,
              ...(typeof properties.Description === 'string' && { Description: properties.Description }),
              ...(typeof properties.Precedence === 'number' && { Precedence: properties.Precedence }),
            }),
          );
        } catch (error) {
          if (!(error instanceof GroupExistsException)) throw error;
        }
        return { physicalId: groupName };
      },
    },
  };
}
