import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Monaco's own files, for the parts of it the editor loads (src/monaco/monaco-lean.ts).
  // The real path (pnpm links packages): one module per file, however it is imported.
  resolve: { alias: [{ find: /^monaco-src\//, replacement: `${fs.realpathSync(fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url)))}/` }] },
  // Monaco is one big chunk loaded only when a code field or the JSON view opens; the first load is
  // measured by editor/bench (under 400 kB gzipped).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
  server: { proxy: { '/api': 'http://localhost:3000', '/webhooks': 'http://localhost:3000', '/checkout': 'http://localhost:3000' } },
});
