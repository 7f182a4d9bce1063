// Bundles the extension (client) and the language server into dist/ with esbuild: the .vsix ships
// without node_modules (vsce --no-dependencies), so everything the two need must be inside.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [join(root, 'src/extension.ts')],
  outfile: join(root, 'dist/extension.js'),
  external: ['vscode'],
});
await build({
  ...common,
  entryPoints: [
    { in: join(root, '../language-server/dist/main.js'), out: 'server' },
    // The server lints in a worker thread; it finds the worker file beside itself.
    { in: join(root, '../language-server/dist/lint-worker.js'), out: 'lint-worker' },
  ],
  outdir: join(root, 'dist'),
  // ESM builds first: the UMD build of jsonc-parser requires its modules dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
  // The sources are ESM and locate the worker with import.meta.url; CommonJS has __filename instead.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
