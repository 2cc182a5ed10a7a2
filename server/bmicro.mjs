import { build } from 'esbuild';
await build({ entryPoints: ['src/micro.ts'], outfile: 'dist/micro.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  plugins: [{ name: 'ext', setup(b) { b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@parley/') ? undefined : { path: a.path, external: true })); } }] });
