import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../packages/core/src/index.js';
import { catalogueIndex, rulePage } from '../packages/cli/src/commands/rule-page.js';

const docs = join(import.meta.dirname, '..', 'docs', 'rules');
const stale = 'veraltet – bitte `npm run build && node scripts/build-docs.mjs` ausführen';

describe('rule pages docs/rules/', () => {
  it.each(builtinRules.map((r) => [r.id, r] as const))('%s.md is generated from its rule file', (id, rule) => {
    const file = join(docs, `${id}.md`);
    expect(existsSync(file), `docs/rules/${id}.md fehlt: ${stale}`).toBe(true);
    expect(readFileSync(file, 'utf8'), `docs/rules/${id}.md ist ${stale}`).toBe(`${rulePage(rule)}\n`);
  });

  it('README.md lists every rule, and no page is left for a removed rule', () => {
    expect(readFileSync(join(docs, 'README.md'), 'utf8'), `docs/rules/README.md ist ${stale}`).toBe(catalogueIndex(builtinRules));
    const pages = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
    expect(pages).toEqual(builtinRules.map((r) => `${r.id}.md`).sort());
  });

  it('every page links the Digitalcheck page of its principle', () => {
    for (const rule of builtinRules) {
      expect(rulePage(rule)).toMatch(/<https:\/\/digitalcheck\.bund\.de\/methoden\/fuenf-prinzipien\/[a-z-]+>/);
    }
  });
});

describe('docs/quality.md', () => {
  it('is generated from the judged samples and the corpus counts', async () => {
    const { qualityPage, renderQualityReport } = await import('../scripts/quality/report.mjs');
    expect(existsSync(qualityPage), 'docs/quality.md fehlt: bitte `node scripts/quality/report.mjs` ausführen').toBe(true);
    expect(readFileSync(qualityPage, 'utf8'), 'docs/quality.md ist veraltet – bitte `node scripts/quality/report.mjs` ausführen')
      .toBe(renderQualityReport());
  });
});
