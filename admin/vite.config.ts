import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The console is served by the Kaoping server under /admin (static files, SPA fallback),
// with GraphQL on the same origin at /graphql.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: {
      // The engine package is TypeScript source; the console bundles it from there.
      '@kaoping/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
      '/files': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        // ra-core re-exports through circular barrels; split across lazy chunks that breaks
        // execution order (Rollup warns), so all of ra-core stays in one chunk.
        manualChunks: (id: string) => (/node_modules\/ra-core\//.test(id) ? 'ra-core' : undefined),
      },
    },
  },
});
