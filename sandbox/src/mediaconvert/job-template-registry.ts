/** A job template as CloudFormation created it: what `CreateJob` merges a job's settings into. */
export interface JobTemplateRecord {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly category?: string;
  readonly queue?: string;
  readonly priority?: number;
  /** `SettingsJson` as the template gives it (an object after intrinsic resolution). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

/** The account's job templates, by name and by ARN (MediaConvert accepts either in `JobTemplate`). */
export class JobTemplateRegistry {
  private readonly byName = new Map<string, JobTemplateRecord>();

  put(template: JobTemplateRecord): void {
    this.byName.set(template.name, template);
  }

  /** The template a `CreateJob` names, by name or ARN; undefined when none is deployed. */
  find(nameOrArn: string): JobTemplateRecord | undefined {
    const name = nameOrArn.startsWith('arn:') ? (nameOrArn.split('/').pop() ?? '') : nameOrArn;
    return this.byName.get(name);
  }

  list(): JobTemplateRecord[] {
    return [...this.byName.values()];
  }
}
