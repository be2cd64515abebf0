/** `arn:aws:lambda:<region>:<account>:function:<name>`. */
export function functionArn(region: string, accountId: string, functionName: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
}

/** What a `FunctionName` parameter of the Lambda API designates. */
export interface FunctionReference {
  readonly functionName: string;
  readonly qualifier?: string;
  readonly region?: string;
  readonly accountId?: string;
}

// Lambda's own pattern for FunctionName: a name, a partial ARN (`123456789012:function:name`)
// or a full ARN, each with an optional `:qualifier`.
const REFERENCE =
  /^(?:arn:aws[a-zA-Z-]*:lambda:)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_]{1,64})(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/** Parses a function name, partial ARN or ARN; `undefined` when it is none of them. */
export function parseFunctionReference(reference: string): FunctionReference | undefined {
  const match = REFERENCE.exec(reference);
  if (!match?.[3]) return undefined;
  const [, region, accountId, functionName, qualifier] = match;
  return {
    functionName,
    ...(qualifier ? { qualifier } : {}),
    ...(region ? { region } : {}),
    ...(accountId ? { accountId } : {}),
  };
}
