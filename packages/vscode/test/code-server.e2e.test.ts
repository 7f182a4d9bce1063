// End to end in a real editor: the packaged .vsix installed into code-server, driven in headless
// Chromium through playwright-core. Installs what it needs itself (support/tools.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { lint } from '@dclint/core';
import { ensureCodeServer, ensureDebianPackages, freshRunFolder, packageExtension } from './support/tools.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/entwurf.md');
const FIXTURE_TEXT = readFileSync(FIXTURE, 'utf8');
const CHROMIUM = '/usr/bin/chromium';
const TYPED_SENTENCE = 'Die Anzeige ist schriftlich zu erstatten.';
/** A second draft that stays closed: only "check workspace" can bring its findings into the Problems panel. */
const CLOSED_DRAFT = 'Die Meldung ist schriftlich zu erstatten. Der Widerspruch bedarf der Schriftform.\n';

let skipReason: string | undefined;
let codeServer: ChildProcess | undefined;
let codeServerLog = '';
let browser: Browser | undefined;
let page: Page | undefined;
let runFolder = '';
let workspace = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('kein Port'))));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (codeServer?.exitCode !== null) throw new Error(`code-server hat sich beendet:\n${codeServerLog}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server antwortet nicht auf /healthz:\n${codeServerLog}`);
}

/** Rule ids of our rows in the Problems panel (each row shows source "dclint" and the code, the rule id). */
async function problemRuleIds(p: Page): Promise<string[]> {
  return p.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.flatMap((row) => {
    const source = row.querySelector('.marker-source')?.textContent?.trim();
    const code = row.querySelector('.marker-code')?.textContent?.trim();
    return source === 'dclint' && code ? [code] : [];
  }));
}

async function waitForProblems(p: Page, expected: string[], timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let ids: string[] = [];
  while (Date.now() < deadline) {
    ids = await problemRuleIds(p);
    if (JSON.stringify([...ids].sort()) === JSON.stringify([...expected].sort())) return ids;
    await p.waitForTimeout(250);
  }
  return ids;
}

/** The editor's text as Monaco renders it (spaces are rendered as no-break spaces). */
async function editorText(p: Page): Promise<string> {
  const lines = await p.locator('.editor-instance .view-lines .view-line').evaluateAll((nodes) =>
    nodes.map((n) => ({ top: parseFloat((n as HTMLElement).style.top), text: n.textContent ?? '' })));
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
}

async function runCommand(p: Page, title: string): Promise<void> {
  await p.keyboard.press('F1');
  await p.locator('.quick-input-widget input').fill(`>${title}`);
  await p.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await p.keyboard.press('Enter');
}

async function statusBarText(p: Page): Promise<string> {
  return (await p.locator('.statusbar-item', { hasText: 'dclint:' }).first().textContent())?.trim() ?? '';
}

async function screenshot(name: string): Promise<void> {
  if (page && runFolder) await page.screenshot({ path: join(runFolder, `${name}.png`) }).catch(() => undefined);
}

beforeAll(async () => {
  const apt = ensureDebianPackages();
  if (!apt.ok) return void (skipReason = apt.reason);
  const installed = ensureCodeServer();
  if (!installed.ok) return void (skipReason = installed.reason);
  const vsix = packageExtension();
  if (!vsix.ok) throw new Error(vsix.reason);

  runFolder = freshRunFolder('run-code-server');
  const userData = join(runFolder, 'user-data');
  const extensions = join(runFolder, 'extensions');
  workspace = join(runFolder, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  copyFileSync(FIXTURE, join(workspace, 'entwurf.md'));
  writeFileSync(join(workspace, 'zweiter-entwurf.txt'), CLOSED_DRAFT);
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    // Typing must produce exactly the typed text: no suggestions or auto-closing to accept by accident.
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
    'editor.wordBasedSuggestions': 'off',
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'files.autoSave': 'off',
    'dclint.debounce': 100,
  }, null, 2));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(runFolder, 'xdg-config'),
    XDG_DATA_HOME: join(runFolder, 'xdg-data'),
    XDG_CACHE_HOME: join(runFolder, 'xdg-cache'),
  };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--config', join(runFolder, 'config.yaml')];
  const install = spawnSync(installed.value, [...common, '--install-extension', vsix.value], { env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`Erweiterung nicht installiert:\n${install.stdout}${install.stderr}${install.error ?? ''}`);

  const port = await freePort();
  codeServer = spawn(installed.value, [
    ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', workspace,
  ], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  codeServer.stdout!.on('data', (chunk: Buffer) => { codeServerLog += chunk.toString(); });
  codeServer.stderr!.on('data', (chunk: Buffer) => { codeServerLog += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, 60_000);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (codeServer && codeServer.exitCode === null) codeServer.kill();
});

describe('dclint in code-server (headless Chromium)', () => {
  it('lists the findings in the Problems panel, adds one for a typed barrier and applies a quick fix', async (context) => {
    if (skipReason) {
      console.warn(`[e2e] übersprungen: ${skipReason}`);
      context.skip(skipReason);
    }
    const p = page!;
    try {
      // Open the fixture through Quick Open.
      await p.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
      await p.keyboard.press('Control+P');
      await p.locator('.quick-input-widget input').fill('entwurf.md');
      await p.locator('.quick-input-widget .monaco-list-row').first().waitFor();
      await p.keyboard.press('Enter');
      await p.locator('.editor-instance .view-lines').waitFor();
      await expect.poll(() => editorText(p), { timeout: 30_000 }).toContain('Familienstartzeit');

      // 1. The Problems panel lists exactly the findings the core reports for the fixture.
      const expected = lint(FIXTURE_TEXT).findings.map((f) => f.ruleId);
      expect(expected).toContain('schriftform');
      await p.keyboard.press('Control+Shift+M');
      await p.locator('.markers-panel').waitFor();
      expect(await waitForProblems(p, expected)).toEqual(expect.arrayContaining(expected));
      expect((await problemRuleIds(p)).length).toBe(expected.length);
      // The status bar counts the findings of the active draft.
      await expect.poll(() => statusBarText(p), { timeout: 10_000 }).toBe(`dclint: ${expected.length}`);

      // 2. Typing a barrier adds a diagnostic.
      const lineCount = FIXTURE_TEXT.trimEnd().split('\n').length;
      await p.locator('.editor-instance .view-lines').click();
      await p.keyboard.press('Control+End');
      await p.keyboard.press('Enter');
      await p.keyboard.type(TYPED_SENTENCE, { delay: 10 });
      const typedText = `${FIXTURE_TEXT}\n${TYPED_SENTENCE}`;
      const expectedAfterTyping = lint(typedText).findings.map((f) => f.ruleId);
      expect(expectedAfterTyping.length).toBe(expected.length + 1);
      expect(await waitForProblems(p, expectedAfterTyping)).toHaveLength(expectedAfterTyping.length);

      // 3. The quick fix for the typed barrier changes the text.
      const typed = lint(typedText).findings.find((f) => f.range.start.line === lineCount + 2)!;
      const fix = typed.suggestions[0]!;
      await p.keyboard.press('Control+G');
      await p.locator('.quick-input-widget input').fill(`:${typed.range.start.line}:${typed.range.start.column + 2}`);
      await p.keyboard.press('Enter');
      await p.keyboard.press('Control+.');
      const rows = p.locator('.action-widget .monaco-list-row');
      await rows.filter({ hasText: fix.title }).first().waitFor({ state: 'attached', timeout: 15_000 });
      // The menu is driven by keyboard, as a drafter would: arrow down to the suggestion, Enter.
      const titles = await rows.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
      const selectable = titles.filter((t) => !/^Quick Fix/.test(t.trim()) && t.trim() !== '');
      const index = selectable.findIndex((t) => t.includes(fix.title));
      expect(index, `Aktionen: ${titles.join(' | ')}`).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < index; i++) await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Enter');
      const fixedSentence = TYPED_SENTENCE.replace(typed.excerpt, fix.replacement);
      await expect.poll(() => editorText(p), { timeout: 15_000 }).toContain(fixedSentence);
      expect(await waitForProblems(p, expected)).toHaveLength(expected.length);
      await expect.poll(() => statusBarText(p), { timeout: 10_000 }).toBe(`dclint: ${expected.length}`);

      // 4. "Check workspace" adds the findings of the closed draft.
      const closedExpected = lint(CLOSED_DRAFT).findings.map((f) => f.ruleId);
      expect(closedExpected.length).toBeGreaterThan(0);
      await runCommand(p, 'dclint: Check workspace');
      expect(await waitForProblems(p, [...expected, ...closedExpected])).toHaveLength(expected.length + closedExpected.length);
      await p.locator('.markers-panel .monaco-list-row', { hasText: 'zweiter-entwurf.txt' }).first().waitFor({ timeout: 5_000 });

      // 5. "Show rule catalogue" opens the Markdown preview of the catalogue.
      await runCommand(p, 'dclint: Show rule catalogue');
      await p.locator('.tabs-container .tab', { hasText: 'Regelkatalog' }).first().waitFor({ timeout: 15_000 });
      await p.waitForTimeout(1000);
      await screenshot('catalogue');
    } catch (error) {
      await screenshot('failure');
      throw new Error(`${String(error)}\nBildschirmfoto: ${join(runFolder, 'failure.png')}\ncode-server:\n${codeServerLog.slice(-3000)}`);
    }
  }, 180_000);
});
