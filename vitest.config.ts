import { defineConfig } from 'vitest/config';

/**
 * One vitest run for the whole repository. Each workspace keeps its tests in `test/`;
 * suites that start local engines (DynamoDB Local, the sandbox) are named `*.int.test.ts`
 * and get longer time-outs.
 */
export default defineConfig({
  resolve: {
    // One graphql module for everyone: vitest would otherwise load graphql's ESM build for our
    // code and its CommonJS build for @apollo/subgraph and @graphql-tools/*, and graphql refuses
    // schemas from "another module or realm". esbuild bundles have a single copy anyway.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: [
      '{packages,services,infra,sandbox,e2e,bench}/**/test/**/*.test.ts',
      'web/*/test/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/node_modules/**', '**/cdk.out/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
