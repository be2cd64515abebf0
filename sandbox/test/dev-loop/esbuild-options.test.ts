import { describe, expect, it } from 'vitest';
import { FUNCTION_BUNDLING } from '../../../infra/src/app/stratum-function.ts';
import { esbuildOptionsOf } from '../../src/dev-loop/esbuild-options.ts';

/** The fast loop and the cold-init benchmark both bundle through this translation. */
describe('esbuildOptionsOf: bundles like StratumFunction', () => {
  it('mirrors every bundling option of the construct', () => {
    const options = esbuildOptionsOf(FUNCTION_BUNDLING, []);
    expect(options).toMatchObject({
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      minify: true,
      keepNames: true,
      sourcemap: true,
      sourcesContent: false,
      external: [],
    });
    expect(options.banner?.js).toContain('createRequire');
    expect(options.alias?.['node:http']).toMatch(/packages\/runtime\/src\/bundling\/node-http\.ts$/);
    expect(options.alias?.http).toBe(options.alias?.['node:http']);
  });

  it("leaves out exactly the function's recorded external modules", () => {
    expect(esbuildOptionsOf(FUNCTION_BUNDLING, ['sharp']).external).toEqual(['sharp']);
  });

  it('refuses an option it does not mirror, so the two cannot drift apart', () => {
    expect(() => esbuildOptionsOf({ ...FUNCTION_BUNDLING, define: { X: '1' } }, [])).toThrow(/define/);
    expect(() =>
      esbuildOptionsOf({ ...FUNCTION_BUNDLING, esbuildArgs: { '--drop': 'console' } }, []),
    ).toThrow(/--drop/);
  });
});
