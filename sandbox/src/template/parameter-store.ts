/**
 * SSM parameters by region, as far as templates use them: `{{resolve:ssm:...}}` dynamic
 * references and CDK's cross-region exports. An SSM emulator can implement this interface to
 * share its parameters with the engine.
 */
export interface ParameterStore {
  get(region: string, name: string): string | undefined;
  put(region: string, name: string, value: string): void;
}

export class InMemoryParameterStore implements ParameterStore {
  readonly #values = new Map<string, string>();

  get(region: string, name: string): string | undefined {
    return this.#values.get(`${region}\u0000${name}`);
  }

  put(region: string, name: string, value: string): void {
    this.#values.set(`${region}\u0000${name}`, value);
  }
}
