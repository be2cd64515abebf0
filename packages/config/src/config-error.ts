/** One field of the configuration that is wrong, and what was expected there. */
export interface ConfigIssue {
  /** Dotted path of the field, for example `stages.prod.logRetentionDays`. */
  readonly path: string;
  /** What is wrong and what is expected instead. */
  readonly message: string;
}

/**
 * Thrown when `stratum.config.ts` does not describe a valid organization.
 * Carries every problem at once so that a user fixes the file in one pass.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    super(ConfigError.format(issues), options);
    this.issues = issues;
  }

  private static format(issues: readonly ConfigIssue[]): string {
    const lines = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`);
    const noun = issues.length === 1 ? 'problem' : 'problems';
    return `stratum.config.ts has ${issues.length} ${noun}:\n${lines.join('\n')}`;
  }
}
