import { build } from 'esbuild';
await build({ entryPoints: [process.argv[2]], outfile: process.argv[3], bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  plugins: [{ name: 'ext', setup(b) { b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@parley/') ? undefined : { path: args.path, external: true })); } }] });
