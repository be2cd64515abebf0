import { createHmac, timingSafeEqual } from 'node:crypto';
import { S3Refusal } from './errors.ts';

/**
 * The secret key of an access key the sandbox issued, or `undefined` for a key it does not know.
 * Receives the session token when the form carries `x-amz-security-token`.
 */
export type SecretKeyLookup = (accessKeyId: string, sessionToken?: string) => string | undefined;

interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

function parseCredential(credential: string): CredentialScope {
  const [accessKeyId, date, region, service, terminator, ...rest] = credential.split('/');
  if (
    accessKeyId === undefined ||
    date === undefined ||
    !/^\d{8}$/.test(date) ||
    region === undefined ||
    service !== 's3' ||
    terminator !== 'aws4_request' ||
    rest.length > 0
  ) {
    throw new S3Refusal(
      'InvalidArgument',
      `Invalid argument: x-amz-credential "${credential}" is not <key>/<yyyymmdd>/<region>/s3/aws4_request.`,
      400,
    );
  }
  return { accessKeyId, date, region, service };
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4's signing key: HMAC chain over date, region, service and `aws4_request`. */
export function signingKey(secretKey: string, scope: Omit<CredentialScope, 'accessKeyId'>): Buffer {
  const dateKey = hmac(`AWS4${secretKey}`, scope.date);
  return hmac(hmac(hmac(dateKey, scope.region), scope.service), 'aws4_request');
}

/** The signature of a POST policy: hex HMAC-SHA256 of the base64 policy with the signing key. */
export function policySignature(policyBase64: string, secretKey: string, credential: string): string {
  return hmac(signingKey(secretKey, parseCredential(credential)), policyBase64).toString('hex');
}

function required(fields: ReadonlyMap<string, string>, name: string): string {
  const value = fields.get(name);
  if (value === undefined || value === '') {
    throw new S3Refusal('InvalidArgument', `Bucket POST must contain a field named '${name}'.`, 400, {
      ArgumentName: name,
    });
  }
  return value;
}

/**
 * Verifies a SigV4-signed POST form (`x-amz-algorithm`, `x-amz-credential`, `x-amz-date`,
 * `x-amz-signature`, `policy`) against the sandbox's credentials.
 *
 * @param fields form fields, names lower-cased.
 */
export function verifyPostSignature(
  fields: ReadonlyMap<string, string>,
  lookupSecret: SecretKeyLookup,
): void {
  if (fields.has('awsaccesskeyid') || fields.has('signature')) {
    throw new S3Refusal(
      'InvalidArgument',
      'Signature Version 2 is not supported by the sandbox; sign with SigV4.',
      400,
    );
  }
  const policy = required(fields, 'policy');
  const algorithm = required(fields, 'x-amz-algorithm');
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw new S3Refusal(
      'InvalidArgument',
      `Invalid argument: x-amz-algorithm "${algorithm}" is not supported.`,
      400,
    );
  }
  const credential = required(fields, 'x-amz-credential');
  required(fields, 'x-amz-date');
  const signature = required(fields, 'x-amz-signature');
  const scope = parseCredential(credential);
  const secret = lookupSecret(scope.accessKeyId, fields.get('x-amz-security-token'));
  if (secret === undefined) {
    throw new S3Refusal(
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      403,
      {
        AWSAccessKeyId: scope.accessKeyId,
      },
    );
  }
  const expected = Buffer.from(policySignature(policy, secret, credential), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new S3Refusal(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
      { AWSAccessKeyId: scope.accessKeyId },
    );
  }
}
