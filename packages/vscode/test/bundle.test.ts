// The .vsix ships the esbuild bundles without node_modules: the bundled server must run on its own.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '@dclint/core';
import { LspTestClient } from '../../language-server/test/lsp-client.js';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/entwurf.md');

let client: LspTestClient | undefined;
afterEach(() => client?.kill());

describe('bundled extension', () => {
  it('has a client bundle that leaves only vscode external', () => {
    const bundle = readFileSync(join(DIST, 'extension.js'), 'utf8');
    const required = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect([...new Set(required.filter((m) => !m.startsWith('node:') && !builtinModules.includes(m)))]).toEqual(['vscode']);
  });

  for (const transport of ['stdio', 'node-ipc'] as const) {
    it(`runs the bundled server over ${transport} and reports what the core reports`, async () => {
      expect(existsSync(join(DIST, 'server.js'))).toBe(true);
      client = await LspTestClient.start({ serverPath: join(DIST, 'server.js'), transport });
      const text = readFileSync(FIXTURE, 'utf8');
      await client.open('file:///entwurf/entwurf.md', text);
      const published = await client.nextDiagnostics('file:///entwurf/entwurf.md', 0);
      const expected = lint(text).findings;
      expect(expected.length).toBeGreaterThan(0);
      expect(published.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message]))
        .toEqual(expected.map((f) => [f.ruleId, f.range.start.line, f.range.start.column, `${f.message} (${f.unit})`]));
      expect(await client.stop()).toBe(0);
    });
  }
});

