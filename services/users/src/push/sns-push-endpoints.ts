import {
  CreatePlatformEndpointCommand,
  DeleteEndpointCommand,
  GetEndpointAttributesCommand,
  SetEndpointAttributesCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import * as z from 'zod';
import { BadUserInputError } from '../errors.ts';
import type { PlatformApplication } from './push-service.ts';

/** Who an endpoint delivers to; kept in the endpoint's `CustomUserData`. */
export interface EndpointOwner {
  readonly userId: string;
  readonly deviceId: string;
}

/** The SNS platform endpoints of the stage's push application. */
export interface PushEndpoints {
  readonly application: PlatformApplication;
  /**
   * Returns the endpoint for `token`, created or reused, enabled, with the token and `owner`
   * recorded on it. `previousOwner` is set when the endpoint belonged to another device record
   * (the same phone, signed in as someone else): that record must stop pointing at it.
   */
  claim(
    token: string,
    owner: EndpointOwner,
  ): Promise<{ endpointArn: string; previousOwner: EndpointOwner | null }>;
  /** Deletes the endpoint if `owner` still owns it; a missing endpoint is fine. */
  release(endpointArn: string, owner: EndpointOwner): Promise<void>;
}

const ownerSchema = z.object({ userId: z.string(), deviceId: z.string() });

function ownerOf(customUserData: string | undefined): EndpointOwner | null {
  if (!customUserData) return null;
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(customUserData));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const sameOwner = (a: EndpointOwner | null, b: EndpointOwner) =>
  a !== null && a.userId === b.userId && a.deviceId === b.deviceId;

/** SNS's answer when the token has an endpoint whose attributes (our owner) differ. */
const EXISTING_ENDPOINT = /Endpoint (arn:aws[a-z-]*:sns:\S+) already exists with the same [Tt]oken/;

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/**
 * Platform endpoints as AWS recommends managing them: CreatePlatformEndpoint is idempotent for a
 * token, so it is called on every registration; the endpoint is then re-enabled and updated if
 * SNS had disabled it (an invalidated token) or it carried another token or owner.
 */
export function createSnsPushEndpoints(sns: SNSClient, application: PlatformApplication): PushEndpoints {
  async function createOrFind(token: string, customUserData: string): Promise<string> {
    try {
      const { EndpointArn } = await sns.send(
        new CreatePlatformEndpointCommand({
          PlatformApplicationArn: application.arn,
          Token: token,
          CustomUserData: customUserData,
        }),
      );
      if (!EndpointArn) throw new Error('SNS CreatePlatformEndpoint returned no EndpointArn');
      return EndpointArn;
    } catch (error) {
      if (errorName(error) !== 'InvalidParameterException') throw error;
      const existing = EXISTING_ENDPOINT.exec((error as Error).message)?.[1];
      if (existing) return existing;
      // Any other invalid parameter is the token: the push service's format check failed.
      throw new BadUserInputError('token', `Invalid token: the ${application.service} service refused it.`);
    }
  }

  return {
    application,

    async claim(token, owner) {
      const customUserData = JSON.stringify(owner);
      const endpointArn = await createOrFind(token, customUserData);
      const { Attributes = {} } = await sns.send(
        new GetEndpointAttributesCommand({ EndpointArn: endpointArn }),
      );
      const previous = ownerOf(Attributes.CustomUserData);
      if (Attributes.Enabled !== 'true' || Attributes.Token !== token || !sameOwner(previous, owner)) {
        await sns.send(
          new SetEndpointAttributesCommand({
            EndpointArn: endpointArn,
            Attributes: { Token: token, Enabled: 'true', CustomUserData: customUserData },
          }),
        );
      }
      return { endpointArn, previousOwner: previous && !sameOwner(previous, owner) ? previous : null };
    },

    async release(endpointArn, owner) {
      try {
        const { Attributes = {} } = await sns.send(
          new GetEndpointAttributesCommand({ EndpointArn: endpointArn }),
        );
        // Another device record took the endpoint over (same phone, other account): leave it be.
        if (!sameOwner(ownerOf(Attributes.CustomUserData), owner)) return;
        await sns.send(new DeleteEndpointCommand({ EndpointArn: endpointArn }));
      } catch (error) {
        if (errorName(error) !== 'NotFoundException') throw error;
      }
    },
  };
}
