import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * One build for every stage: runtime settings come from /config.json (written by the hosting
 * stack at deploy time), never from build-time environment variables.
 *
 * The entry chunk (the sign-in shell) stays under `assets/`, which the edge guard serves to anyone;
 * every other chunk is a staff screen loaded lazily by app.tsx and goes under `staff/`, which the
 * guard serves only with a staff token (services/internal-edge-guard/src/access-policy.ts).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: { output: { chunkFileNames: 'staff/[name]-[hash].js' } },
  },
});
