import {
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TenantRole } from '@stratum/data';

export interface TenantAttributes {
  readonly tenantId: string;
  readonly role: TenantRole;
}

/** Writes a user's tenant claims to the user pool. The domain depends on this, not on Cognito. */
export interface TenantAttributeWriter {
  write(
    user: { readonly userPoolId: string; readonly userName: string },
    tenant: TenantAttributes,
  ): Promise<void>;
}

/**
 * Sets `custom:tenant_id` and `custom:tenant_role` with `AdminUpdateUserAttributes`. They
 * appear in every ID token issued afterwards; app clients must not have write access to them
 * (the pool's client `writeAttributes` exclude both), so only this trigger sets them.
 */
export class CognitoTenantAttributeWriter implements TenantAttributeWriter {
  constructor(private readonly client: CognitoIdentityProviderClient) {}

  async write(user: { readonly userPoolId: string; readonly userName: string }, tenant: TenantAttributes) {
    await this.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: user.userPoolId,
        Username: user.userName,
        UserAttributes: [
          { Name: 'custom:tenant_id', Value: tenant.tenantId },
          { Name: 'custom:tenant_role', Value: tenant.role },
        ],
      }),
    );
  }
}
