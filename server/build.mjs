// Bundles the server (with the workspace's TypeScript packages) into dist/parley.mjs for `pnpm start`:
// no transpiling at run time. Packages from node_modules stay external and load as usual.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/parley.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-node-modules',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@parley/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});

// The web chat widget for customers' sites (served at /widget.js): one small script for browsers.
await build({
  entryPoints: ['widget/main.ts'],
  outfile: 'dist/widget.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
