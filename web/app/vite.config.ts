import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * One build for every stage: runtime settings come from /config.json (written by the hosting
 * stack at deploy time), never from build-time environment variables.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
