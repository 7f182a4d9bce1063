import * as vscode from 'vscode';
import {
  LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CATALOGUE_REQUEST, DIAGNOSTIC_SOURCE, LINT_FILES_REQUEST,
  type CatalogueParams, type CatalogueResult, type LintFilesParams, type LintFilesResult,
} from '@dclint/language-server/protocol';

const BASE_LANGUAGES = ['markdown', 'plaintext'];
const CATALOGUE_SCHEME = 'dclint-catalogue';
const CATALOGUE_URI = vscode.Uri.parse(`${CATALOGUE_SCHEME}:Regelkatalog.md`);
/** Files that "check workspace" looks at: the draft formats the CLI reads. */
const DRAFT_GLOB = '**/*.{md,txt}';
const EXCLUDED = '**/{node_modules,.git,.cache,dist,out}/**';
/** Files sent to the server per request, so the progress notification moves and a cancel takes effect soon. */
const BATCH_SIZE = 25;

let client: LanguageClient | undefined;

function languages(): string[] {
  const extra = vscode.workspace.getConfiguration('dclint').get<string[]>('languages', []);
  return [...new Set([...BASE_LANGUAGES, ...extra.filter((l) => typeof l === 'string' && l.length > 0)])];
}

function documentSelector(): DocumentSelector {
  // Real files and unsaved drafts; never virtual documents such as the rule catalogue itself.
  return languages().flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    diagnosticCollectionName: 'dclint',
  };
  return new LanguageClient('dclint', 'dclint', serverOptions, clientOptions);
}

class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dclint.findings', vscode.StatusBarAlignment.Left, 100);

  constructor() {
    this.item.name = 'dclint';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !languages().includes(editor.document.languageId) || editor.document.uri.scheme === CATALOGUE_SCHEME) {
      this.item.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    this.item.text = `$(law) dclint: ${count}`;
    this.item.tooltip = count === 1
      ? vscode.l10n.t('dclint: 1 finding in this draft. Click to open the Problems panel.')
      : vscode.l10n.t('dclint: {0} findings in this draft. Click to open the Problems panel.', count);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

async function lintWorkspace(): Promise<void> {
  if (!client) return;
  const files = await vscode.workspace.findFiles(DRAFT_GLOB, EXCLUDED);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('dclint found no drafts (*.md, *.txt) in this workspace.'));
    return;
  }
  const total: LintFilesResult = { checked: 0, findings: 0, skipped: [] };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('dclint: checking the workspace'), cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH_SIZE) {
        const batch = files.slice(i, i + BATCH_SIZE);
        progress.report({ message: vscode.l10n.t('{0} of {1} drafts', i, files.length), increment: (batch.length / files.length) * 100 });
        const params: LintFilesParams = { uris: batch.map((uri) => uri.toString()) };
        const result = await client!.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, params, token);
        total.checked += result.checked;
        total.findings += result.findings;
        total.skipped.push(...result.skipped);
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const summary = vscode.l10n.t('dclint checked {0} drafts: {1} findings.', total.checked, total.findings);
  if (total.skipped.length === 0) {
    void vscode.window.showInformationMessage(summary);
  } else {
    const details = total.skipped.map((s) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))}: ${s.reason}`).join('\n');
    void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('{0} files were not checked.', total.skipped.length)}`, {
      detail: details,
      modal: false,
    });
  }
}

/** Serves the catalogue as a read-only virtual Markdown document, regenerated from the rule metadata on every open. */
class CatalogueProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private markdown = '';

  async refresh(forUri: vscode.Uri | undefined): Promise<void> {
    const params: CatalogueParams = forUri?.scheme === 'file' ? { uri: forUri.toString() } : {};
    this.markdown = (await client!.sendRequest<CatalogueResult>(CATALOGUE_REQUEST, params)).markdown;
    this.changed.fire(CATALOGUE_URI);
  }

  provideTextDocumentContent(): string {
    return this.markdown;
  }
}

async function showCatalogue(provider: CatalogueProvider): Promise<void> {
  if (!client) return;
  await provider.refresh(vscode.window.activeTextEditor?.document.uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', CATALOGUE_URI);
  } catch {
    // Without the built-in Markdown extension the catalogue opens as text.
    const document = await vscode.workspace.openTextDocument(CATALOGUE_URI);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = new FindingsStatus();
  const catalogue = new CatalogueProvider();
  context.subscriptions.push(
    status,
    vscode.workspace.registerTextDocumentContentProvider(CATALOGUE_SCHEME, catalogue),
    vscode.commands.registerCommand('dclint.lintWorkspace', lintWorkspace),
    vscode.commands.registerCommand('dclint.showCatalogue', () => showCatalogue(catalogue)),
    vscode.languages.onDidChangeDiagnostics(() => status.update()),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when the client starts: a new language list needs a new client.
      if (event.affectsConfiguration('dclint.languages') && client) {
        await client.stop();
        client = createClient(context);
        await client.start();
        status.update();
      }
    }),
  );
  client = createClient(context);
  await client.start();
  status.update();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
