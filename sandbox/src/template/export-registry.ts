import { DuplicateExportError } from './errors.ts';

export interface StackExport {
  readonly name: string;
  readonly value: unknown;
  readonly stackName: string;
}

/**
 * The `Outputs.<id>.Export.Name` values of the stacks deployed so far, which `Fn::ImportValue`
 * reads. Export names are unique per account and region in CloudFormation; the sandbox is one
 * endpoint, so they are unique across the whole assembly here.
 */
export class ExportRegistry {
  readonly #exports = new Map<string, StackExport>();

  register(name: string, value: unknown, stackName: string): void {
    const existing = this.#exports.get(name);
    if (existing) {
      throw new DuplicateExportError(
        `stack ${stackName} exports "${name}", which stack ${existing.stackName} already exports`,
      );
    }
    this.#exports.set(name, { name, value, stackName });
  }

  get(name: string): StackExport | undefined {
    return this.#exports.get(name);
  }

  list(): StackExport[] {
    return [...this.#exports.values()];
  }
}
