import http from 'node:http';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as shim from '../src/bundling/node-http.ts';

describe('the node:http shim bundled functions import', () => {
  it('is the very module `require` returns, and exports every public name but the undici getters', () => {
    expect(shim.default).toBe(createRequire(import.meta.url)('node:http'));
    expect(shim.request).toBe(http.request);
    const lazyUndici = ['WebSocket', 'CloseEvent', 'MessageEvent'];
    const publicNames = Object.keys(http).filter(
      (name) => !name.startsWith('_') && !lazyUndici.includes(name),
    );
    expect(
      Object.keys(shim)
        .filter((name) => name !== 'default')
        .sort(),
    ).toEqual(publicNames.sort());
  });
});
