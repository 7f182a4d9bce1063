import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, resolveRules, type Finding, type LintOptions, type RuleDefinition } from '@dclint/core';
import { CONFIG_FILE_NAMES, ConfigError, readDraft, resolveConfig } from 'dclint';
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocuments,
  TextDocumentSyncKind, type Connection, type Hover, type InitializeResult, type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BackgroundLinter, type DocumentLint } from './background-linter.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { toDiagnostic, toLspRange } from './diagnostics.js';
import { catalogueMarkdown, hoverMarkdown } from './markdown.js';
import {
  CATALOGUE_REQUEST, COMMAND_OPEN_RULE_PAGE, COMMAND_SELECT_RANGE, LINT_FILES_REQUEST,
  type CatalogueParams, type CatalogueResult, type DclintSettings, type LintFilesParams, type LintFilesResult,
} from './protocol.js';
import { DEFAULT_SETTINGS, mergeOptions, normalizeSettings } from './settings.js';
import { syncedDocuments } from './synced-documents.js';

/** The result of linting one version of a document. */
interface Analysis {
  version: number;
  findings: Finding[];
  rules: Map<string, RuleDefinition>;
}

/** What the server needs to lint a document: client settings plus the nearest config file. */
interface Effective {
  settings: DclintSettings;
  options: LintOptions;
}

/** Up to this many characters, hover and code actions lint a changed document afresh (a few milliseconds). */
const FRESH_ANALYSIS_LIMIT = 200_000;

const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

/**
 * With DCLINT_LSP_TIMINGS=1 the server logs (window/logMessage) where each published check spent its time,
 * as `dclint-zeiten {json}` in milliseconds; `npm run bench:lsp` prints the breakdown.
 */
const LOG_TIMINGS = process.env.DCLINT_LSP_TIMINGS === '1';
const TIMINGS_PREFIX = 'dclint-zeiten ';

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function displayName(uri: string): string {
  const path = filePathOf(uri);
  return path ? basename(path) : decodeURIComponent(uri.replace(/^.*[/:]/, ''));
}

/** "156 Bytes", "12,3 KB", "7,3 MB" (German number format). */
export function formatSize(bytes: number): string {
  const format = (n: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} Bytes`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

export function startServer(connection: Connection): void {
  const linter = new BackgroundLinter(new URL('./lint-worker.js', import.meta.url), (message) => connection.console.error(message));
  /** When the latest change of each document arrived, and how long applying it took (for DCLINT_LSP_TIMINGS). */
  const received = new Map<string, { version: number; at: number; applyMs: number }>();
  const { configuration, utf8Size } = syncedDocuments((document, changes, receivedAt) => {
    linter.edited(document.uri, changes);
    if (LOG_TIMINGS) received.set(document.uri, { version: document.version, at: receivedAt, applyMs: performance.now() - receivedAt });
  });
  const documents = new TextDocuments(configuration);
  const analyses = new Map<string, Analysis>();
  /** The pending check of each document, as a function that cancels it. */
  const timers = new Map<string, () => void>();
  /** Documents for which the size warning was shown; shown again only after the document was small enough once. */
  const warnedTooLarge = new Set<string>();
  /** Config errors already shown, so a broken config file does not raise a message on every keystroke. */
  const shownConfigErrors = new Set<string>();
  const settingsCache = new Map<string, Promise<DclintSettings>>();
  let globalSettings: DclintSettings = DEFAULT_SETTINGS;
  let pullConfiguration = false;
  let registerConfigurationDynamically = false;
  let registerWatchersDynamically = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullConfiguration = capabilities.workspace?.configuration === true;
    registerConfigurationDynamically = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchersDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Clients without workspace/configuration (or tests) may pass the settings at start.
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) globalSettings = normalizeSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [COMMAND_OPEN_RULE_PAGE, COMMAND_SELECT_RANGE] },
      },
      serverInfo: { name: 'dclint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationDynamically) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dclint' });
    }
    if (registerWatchersDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
    }
  });

  /** window/showMessage is a notification: nothing to wait for, and clients without actions support it. */
  function showMessage(type: MessageType, message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  async function clientSettings(uri: string): Promise<DclintSettings> {
    if (!pullConfiguration) return globalSettings;
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'dclint' })
        .then(normalizeSettings, () => globalSettings);
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  async function effectiveFor(uri: string): Promise<Effective> {
    const settings = await clientSettings(uri);
    const path = filePathOf(uri);
    let fromFile: LintOptions = {};
    if (path) {
      try {
        fromFile = resolveConfig(path).options;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        if (!shownConfigErrors.has(error.message)) {
          shownConfigErrors.add(error.message);
          showMessage(MessageType.Error,
            `dclint kann die Konfigurationsdatei nicht verwenden: ${error.message} Bis zur Korrektur gelten die Standardregeln und Ihre Editor-Einstellungen.`,
          );
        }
      }
    }
    return { settings, options: mergeOptions(fromFile, settings) };
  }

  function rulesById(options: LintOptions): Map<string, RuleDefinition> {
    return new Map(resolveRules(options).map((r) => [r.id, r]));
  }

  /** Lints in this thread: only for small documents, where it takes milliseconds (hover, code actions). */
  function analyseHere(text: string, version: number, options: LintOptions): Analysis {
    return { version, findings: lint(text, options).findings, rules: rulesById(options) };
  }

  function tooLarge(document: TextDocument, settings: DclintSettings): boolean {
    const { uri } = document;
    const bytes = utf8Size(document);
    if (bytes <= settings.maxDocumentSize) {
      warnedTooLarge.delete(uri);
      return false;
    }
    if (!warnedTooLarge.has(uri)) {
      warnedTooLarge.add(uri);
      showMessage(MessageType.Warning,
        `dclint hat „${displayName(uri)}“ nicht geprüft: Das Dokument ist ${formatSize(bytes)} groß, die Grenze liegt bei `
        + `${formatSize(settings.maxDocumentSize)} (Einstellung „dclint.maxDocumentSize“). So bleibt der Editor reaktionsschnell; `
        + 'für große Dateien nutzen Sie bitte die Kommandozeile (dclint).',
      );
    }
    return true;
  }

  function clear(uri: string): void {
    analyses.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Publishes a background lint of an open document if it is of the current version and not published yet
   * (callers waiting for the same lint share its result); a stale one is dropped, the newer version's lint follows.
   */
  function publish(document: TextDocument, result: DocumentLint | undefined): void {
    const { uri } = document;
    if (!result || documents.get(uri) !== document || document.version !== result.version) return;
    if (analyses.get(uri)?.findings === result.findings) return;
    analyses.set(uri, { version: result.version, findings: result.findings, rules: rulesById(result.options) });
    const converted = performance.now();
    const diagnostics = result.findings.map((f) => toDiagnostic(f, uri));
    const handedOver = performance.now();
    const sent = connection.sendDiagnostics({ uri, version: result.version, diagnostics });
    if (LOG_TIMINGS) void sent.then(() => logTimings(uri, result, converted, handedOver));
  }

  /** `converted`: the reply is taken up; `handedOver`: the diagnostics go to the connection; now: they are written. */
  function logTimings(uri: string, result: DocumentLint, converted: number, handedOver: number): void {
    const change = received.get(uri);
    const arrived = change?.version === result.version ? change : undefined;
    const round = (n: number) => Math.round(n * 100) / 100;
    const timings = {
      version: result.version,
      apply: arrived ? round(arrived.applyMs) : undefined,
      wait: arrived ? round(result.dispatchedAt - arrived.at - arrived.applyMs) : undefined,
      workerApply: round(result.worker.applyMs),
      lint: round(result.worker.lintMs),
      transfer: round(result.repliedAt - result.dispatchedAt - result.worker.applyMs - result.worker.lintMs),
      afterReply: round(converted - result.repliedAt),
      convert: round(handedOver - converted),
      write: round(performance.now() - handedOver),
      total: arrived ? round(performance.now() - arrived.at) : undefined,
    };
    connection.console.log(TIMINGS_PREFIX + JSON.stringify(timings));
  }

  /** Lints the current version of an open document and publishes the result, unless a newer version arrived meanwhile. */
  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { settings, options } = await effectiveFor(uri);
    // Settings are fetched asynchronously: the document may have changed or closed meanwhile.
    if (documents.get(uri) !== document || document.version !== version) return;
    if (!settings.enable || tooLarge(document, settings)) {
      // The worker frees the document's text and linter; the next lint sends the whole text again.
      linter.forget(uri);
      return clear(uri);
    }
    publish(document, await linter.lintDocument(document, options));
  }

  function schedule(uri: string, delay: number): void {
    timers.get(uri)?.();
    const run = () => {
      timers.delete(uri);
      validate(uri).catch((error: unknown) => connection.console.error(`dclint: Prüfung von ${uri} fehlgeschlagen: ${String(error)}`));
    };
    // setTimeout waits at least a millisecond; without a debounce the check starts once the pending messages are read.
    if (delay === 0) {
      const immediate = setImmediate(run);
      timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timeout = setTimeout(run, delay);
      timers.set(uri, () => clearTimeout(timeout));
    }
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  /**
   * The analysis for hover and code actions: the published one if it is current, else a fresh one
   * (the debounce has not run yet). A large document keeps its last published analysis instead, so a
   * hover does not block the server for the seconds a full lint takes; edits built from it are
   * checked against the current text (code-actions.ts).
   */
  async function currentAnalysis(document: TextDocument): Promise<Analysis | undefined> {
    const cached = analyses.get(document.uri);
    if (cached?.version === document.version) return cached;
    if (cached && document.getText().length > FRESH_ANALYSIS_LIMIT) return cached;
    const { settings, options } = await effectiveFor(document.uri);
    if (!settings.enable || utf8Size(document) > settings.maxDocumentSize) return undefined;
    return analyseHere(document.getText(), document.version, options);
  }

  /** Version at didOpen: TextDocuments also reports the opening as a content change, which needs no debounce. */
  const openedVersion = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedVersion.set(event.document.uri, event.document.version);
    schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent(async (event) => {
    const uri = event.document.uri;
    if (!documents.get(uri) || openedVersion.get(uri) === event.document.version) return;
    const settings = await clientSettings(uri);
    if (settings.run === 'onType') schedule(uri, settings.debounce);
  });
  documents.onDidSave(async (event) => {
    const settings = await clientSettings(event.document.uri);
    if (settings.run === 'onSave') schedule(event.document.uri, 0);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    timers.get(uri)?.();
    timers.delete(uri);
    settingsCache.delete(uri);
    warnedTooLarge.delete(uri);
    openedVersion.delete(uri);
    received.delete(uri);
    linter.forget(uri);
    clear(uri);
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const pushed = (change.settings as { dclint?: unknown } | null | undefined)?.dclint;
    if (pushed !== undefined) globalSettings = normalizeSettings(pushed);
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    const names = new Set(CONFIG_FILE_NAMES);
    if (change.changes.some((c) => names.has(basename(filePathOf(c.uri) ?? c.uri)))) {
      shownConfigErrors.clear();
      revalidateAll();
    }
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await currentAnalysis(document);
    if (!analysis) return null;
    const offset = document.offsetAt(params.position);
    const hits = analysis.findings.filter((f) => f.range.start.offset <= offset && offset < f.range.end.offset);
    if (hits.length === 0) return null;
    return {
      contents: { kind: 'markdown', value: hits.map((f) => hoverMarkdown(f, analysis.rules.get(f.ruleId))).join('\n\n---\n\n') },
      range: toLspRange(hits[0]!.range),
    };
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await currentAnalysis(document);
    return codeActions({
      document,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      findings: analysis?.findings ?? [],
      rules: analysis?.rules ?? new Map(),
    });
  });

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    if (params.command === COMMAND_OPEN_RULE_PAGE && typeof args[0] === 'string') {
      await connection.window.showDocument({ uri: args[0], external: true });
    } else if (params.command === COMMAND_SELECT_RANGE && typeof args[0] === 'string') {
      await connection.window.showDocument({ uri: args[0], takeFocus: true, selection: args[1] as Range });
    }
  });

  connection.onRequest(CATALOGUE_REQUEST, async (params: CatalogueParams | undefined): Promise<CatalogueResult> => {
    const { options } = params?.uri ? await effectiveFor(params.uri) : { options: {} as LintOptions };
    const rules = resolveRules(options);
    return { markdown: catalogueMarkdown(rules, options.rules ?? {}, options.docsBaseUrl), ruleCount: rules.length };
  });

  connection.onRequest(LINT_FILES_REQUEST, async (params: LintFilesParams): Promise<LintFilesResult> => {
    const result: LintFilesResult = { checked: 0, findings: 0, skipped: [] };
    for (const uri of params.uris) {
      const open = documents.get(uri);
      const path = filePathOf(uri);
      let text: string;
      if (open) {
        text = open.getText();
      } else if (path) {
        const draft = readDraft(path);
        if ('error' in draft) {
          result.skipped.push({ uri, reason: draft.error });
          continue;
        }
        text = draft.text;
      } else {
        result.skipped.push({ uri, reason: 'Nur Dateien auf dem Datenträger können geprüft werden.' });
        continue;
      }
      const { settings, options } = await effectiveFor(uri);
      if (!settings.enable) {
        result.skipped.push({ uri, reason: 'dclint ist für diese Datei ausgeschaltet (Einstellung „dclint.enable“).' });
        continue;
      }
      const bytes = open ? utf8Size(open) : Buffer.byteLength(text, 'utf8');
      if (bytes > settings.maxDocumentSize) {
        result.skipped.push({
          uri,
          reason: `Die Datei ist ${formatSize(bytes)} groß, die Grenze liegt bei ${formatSize(settings.maxDocumentSize)} (Einstellung „dclint.maxDocumentSize“).`,
        });
        continue;
      }
      if (open) {
        // An open document goes through its incremental linter, like the checks while typing.
        const checked = await linter.lintDocument(open, options);
        if (!checked) {
          result.skipped.push({ uri, reason: 'Die Datei wurde während der Prüfung geschlossen.' });
          continue;
        }
        result.checked++;
        result.findings += checked.findings.length;
        // If the document changed meanwhile, its own, newer check publishes.
        publish(open, checked);
        continue;
      }
      const findings = await linter.lintText(text, options);
      result.checked++;
      result.findings += findings.length;
      void connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
    }
    return result;
  });

  connection.onShutdown(async () => {
    for (const cancel of timers.values()) cancel();
    timers.clear();
    await linter.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
