// Another LSP client: headless Neovim (Debian's 0.7.2, without vim.lsp.start) attaches our server to
// the fixture and prints the diagnostics it received; they must be the core's findings.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '@dclint/core';
import { ensureDebianPackages, freshRunFolder, REPO } from './support/tools.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/entwurf.md');
const SERVER = join(REPO, 'packages/language-server/bin/dclint-language-server.js');

const INIT_LUA = String.raw`
local server, out = os.getenv('DCLINT_SERVER'), os.getenv('DCLINT_OUT')
local buffer = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'dclint',
  cmd = { os.getenv('DCLINT_NODE'), server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  settings = { dclint = { debounce = 0 } },
})
vim.lsp.buf_attach_client(buffer, client)
local received = vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
local lines = {}
if not received then table.insert(lines, 'TIMEOUT') end
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, string.format('%d:%d %s %s %s', d.lnum + 1, d.col + 1, d.source or '', code, d.message))
end
vim.fn.writefile(lines, out)
io.stdout:write(table.concat(lines, '\n') .. '\n')
vim.lsp.stop_client(client)
vim.cmd('qa!')
`;

describe('dclint in headless Neovim 0.7', () => {
  it('prints the diagnostics of the fixture from our server', (context) => {
    // Neovim alone if the full set (with Chromium) cannot be installed.
    const all = ensureDebianPackages();
    const apt = all.ok ? all : ensureDebianPackages([{ name: 'neovim', binary: '/usr/bin/nvim' }]);
    if (!apt.ok) {
      console.warn(`[e2e] Neovim übersprungen: ${apt.reason}`);
      context.skip(apt.reason);
    }
    const folder = freshRunFolder('run-neovim');
    const draft = join(folder, 'entwurf.md');
    copyFileSync(FIXTURE, draft);
    writeFileSync(join(folder, 'init.lua'), INIT_LUA);
    const out = join(folder, 'diagnostics.txt');
    const result = spawnSync('/usr/bin/nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', draft, '-c', `luafile ${join(folder, 'init.lua')}`], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DCLINT_SERVER: SERVER, DCLINT_OUT: out, DCLINT_NODE: process.execPath, XDG_STATE_HOME: folder, XDG_DATA_HOME: folder, XDG_CACHE_HOME: folder },
    });
    const printed = existsSync(out) ? readFileSync(out, 'utf8').trimEnd().split('\n') : [];
    console.log(`[e2e] Neovim:\n${printed.join('\n')}`);
    const lspLog = join(folder, 'nvim/lsp.log');
    const details = `${result.stderr ?? ''}${String(result.error ?? '')}\n${existsSync(lspLog) ? readFileSync(lspLog, 'utf8').slice(-3000) : ''}`;
    expect(result.status, details).toBe(0);
    expect(printed, details).not.toContain('TIMEOUT');

    const text = readFileSync(FIXTURE, 'utf8');
    const lines = text.split('\n');
    const expected = lint(text).findings.map((f) => {
      // Neovim counts columns in bytes (UTF-8), the core in UTF-16 code units.
      const byteColumn = Buffer.byteLength(lines[f.range.start.line - 1]!.slice(0, f.range.start.column - 1), 'utf8') + 1;
      return `${f.range.start.line}:${byteColumn} dclint ${f.ruleId} ${f.message} (${f.unit})`;
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(printed).toEqual(expected);
  }, 300_000);
});
