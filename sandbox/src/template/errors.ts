/**
 * The template engine's error hierarchy. Every error says what is wrong and where (stack,
 * logical id, path inside the template), so a broken template stops the sandbox with a message
 * that points at the line to change.
 */
export class TemplateError extends Error {
  override readonly name: string = 'TemplateError';
}

/** The cloud assembly on disk is missing or malformed. */
export class AssemblyError extends TemplateError {
  override readonly name = 'AssemblyError';
}

/** A `Ref`, `Fn::GetAtt`, `Fn::Sub` or `DependsOn` names something the template does not declare. */
export class UnknownReferenceError extends TemplateError {
  override readonly name = 'UnknownReferenceError';
  constructor(
    readonly target: string,
    readonly location: string,
    message: string,
  ) {
    super(message);
  }
}

/** Resources (or stacks, or conditions) that depend on each other in a loop. */
export class DependencyCycleError extends TemplateError {
  override readonly name = 'DependencyCycleError';
  constructor(
    readonly cycle: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

/** An intrinsic function that is unknown, malformed, or fails on its input. */
export class IntrinsicError extends TemplateError {
  override readonly name = 'IntrinsicError';
  constructor(
    readonly fn: string,
    readonly location: string,
    message: string,
  ) {
    super(`${location}: ${message}`);
  }
}

/** `Fn::ImportValue` of an export that no deployed stack declares. */
export class MissingExportError extends TemplateError {
  override readonly name = 'MissingExportError';
  constructor(
    readonly exportName: string,
    readonly importingStack: string,
    readonly location: string,
  ) {
    super(
      `stack ${importingStack} imports "${exportName}" at ${location}, but no deployed stack exports it ` +
        '(check the exporting stack deploys first and declares Outputs.<id>.Export.Name)',
    );
  }
}

/** Two stacks export the same name. */
export class DuplicateExportError extends TemplateError {
  override readonly name = 'DuplicateExportError';
}

/** Resource types with neither a provider nor a place on the not-emulated list. */
export class UnsupportedResourceTypesError extends TemplateError {
  override readonly name = 'UnsupportedResourceTypesError';
  constructor(
    /** Type → logical ids (as `stack/LogicalId`) that use it. */
    readonly unsupported: ReadonlyMap<string, readonly string[]>,
  ) {
    const lines = [...unsupported].map(([type, where]) => `  ${type}  (${where.join(', ')})`);
    super(
      `the sandbox cannot emulate ${unsupported.size} resource type(s):\n${lines.join('\n')}\n` +
        'Add a provider for each, or, if the type has no local meaning, add it to NOT_EMULATED with the reason.',
    );
  }
}

/** A `Rules` assertion of the template is false (e.g. CDK's bootstrap version check). */
export class RuleAssertionError extends TemplateError {
  override readonly name = 'RuleAssertionError';
}

/** A provider failed to create a resource. */
export class ProvisioningError extends TemplateError {
  override readonly name = 'ProvisioningError';
  constructor(
    readonly stackName: string,
    readonly logicalId: string,
    readonly type: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`stack ${stackName}: creating ${logicalId} (${type}) failed: ${reason}`, options);
  }
}
