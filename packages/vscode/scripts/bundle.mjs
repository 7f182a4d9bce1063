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
  entryPoints: [join(root, '../language-server/dist/main.js')],
  outfile: join(root, 'dist/server.js'),
  // ESM builds first: the UMD build of jsonc-parser requires its modules dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
});
