import { S3Refusal } from './errors.ts';

/** One condition of a POST policy, as S3 reads it. Field names are compared case-insensitively. */
export type PolicyCondition =
  | {
      readonly kind: 'eq' | 'starts-with';
      readonly field: string;
      readonly value: string;
      readonly text: string;
    }
  | {
      readonly kind: 'content-length-range';
      readonly min: number;
      readonly max: number;
      readonly text: string;
    };

export interface PostPolicy {
  readonly expiration: Date;
  readonly conditions: readonly PolicyCondition[];
}

/** Fields every POST may carry without a condition (S3: signature, file, policy, `x-ignore-*`). */
const UNCONDITIONED_FIELDS = new Set(['x-amz-signature', 'file', 'policy', 'awsaccesskeyid', 'signature']);

function invalidPolicy(reason: string): S3Refusal {
  return new S3Refusal('InvalidPolicyDocument', `Invalid Policy: ${reason}`, 400);
}

function refused(reason: string): S3Refusal {
  return new S3Refusal('AccessDenied', `Invalid according to Policy: ${reason}`, 403);
}

function fieldName(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('$')) {
    throw invalidPolicy(
      `Invalid Condition: the field name must start with "$", got ${JSON.stringify(value)}.`,
    );
  }
  return value.slice(1);
}

function parseCondition(raw: unknown): PolicyCondition {
  if (Array.isArray(raw)) {
    const [operator, first, second] = raw as unknown[];
    const text = `[${raw.map((part) => JSON.stringify(part)).join(', ')}]`;
    if (raw.length !== 3) throw invalidPolicy(`Invalid Condition: wrong number of arguments: ${text}`);
    if (operator === 'content-length-range') {
      const min = Number(first);
      const max = Number(second);
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
        throw invalidPolicy(`Invalid content-length-range: ${text}`);
      }
      return { kind: 'content-length-range', min, max, text };
    }
    if (operator !== 'eq' && operator !== 'starts-with') {
      throw invalidPolicy(`Invalid Condition: unknown operation ${JSON.stringify(operator)}.`);
    }
    if (typeof second !== 'string') throw invalidPolicy(`Invalid Condition: ${text}`);
    return { kind: operator, field: fieldName(first), value: second, text };
  }
  if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw);
    const [entry] = entries;
    if (entries.length !== 1 || entry === undefined || typeof entry[1] !== 'string') {
      throw invalidPolicy(`Invalid Simple-Condition: ${JSON.stringify(raw)}`);
    }
    const [name, value] = entry;
    return { kind: 'eq', field: name, value, text: `["eq", "$${name}", ${JSON.stringify(value)}]` };
  }
  throw invalidPolicy(`Invalid Condition: ${JSON.stringify(raw)}`);
}

/** Decodes the base64 `policy` field: `{ expiration, conditions }`. */
export function parsePostPolicy(base64: string): PostPolicy {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw invalidPolicy('Invalid JSON.');
  }
  const { expiration, conditions } = (document ?? {}) as { expiration?: unknown; conditions?: unknown };
  if (typeof expiration !== 'string') throw invalidPolicy('Policy missing expiration.');
  const expires = new Date(expiration);
  if (Number.isNaN(expires.getTime())) throw invalidPolicy(`Invalid 'expiration' value: '${expiration}'`);
  if (!Array.isArray(conditions)) throw invalidPolicy('Policy missing conditions.');
  return { expiration: expires, conditions: conditions.map(parseCondition) };
}

function conditionHolds(condition: PolicyCondition, actual: string | undefined): boolean {
  if (condition.kind === 'content-length-range') return true;
  if (actual === undefined) return false;
  if (condition.kind === 'eq') return actual === condition.value;
  if (condition.field.toLowerCase() === 'content-type') {
    // S3 checks every comma-separated Content-Type against a starts-with condition.
    return actual.split(',').every((part) => part.trim().startsWith(condition.value));
  }
  return actual.startsWith(condition.value);
}

/**
 * Checks the form against the policy as S3 does: not expired, every condition true (the bucket
 * comes from the URL), and every submitted field covered by a condition.
 *
 * @param fields form fields, names lower-cased, `file` excluded.
 */
export function checkPostPolicy(
  policy: PostPolicy,
  fields: ReadonlyMap<string, string>,
  bucket: string,
  now: Date,
): void {
  if (policy.expiration.getTime() <= now.getTime()) throw refused('Policy expired.');
  const covered = new Set<string>();
  for (const condition of policy.conditions) {
    if (condition.kind === 'content-length-range') continue;
    const name = condition.field.toLowerCase();
    covered.add(name);
    const actual = name === 'bucket' ? bucket : fields.get(name);
    if (!conditionHolds(condition, actual)) throw refused(`Policy Condition failed: ${condition.text}`);
  }
  const extra = [...fields.keys()].filter(
    (name) => !UNCONDITIONED_FIELDS.has(name) && !name.startsWith('x-ignore-') && !covered.has(name),
  );
  if (extra.length > 0) throw refused(`Extra input fields: ${extra.join(', ')}`);
}

/** The policy's `content-length-range`, if any (the last one wins, as in S3). */
export function contentLengthRange(policy: PostPolicy): { min: number; max: number } | undefined {
  let range: { min: number; max: number } | undefined;
  for (const condition of policy.conditions) {
    if (condition.kind === 'content-length-range') range = { min: condition.min, max: condition.max };
  }
  return range;
}
