// A minimal LSP client for the tests: spawns the built server and speaks JSON-RPC through vscode-jsonrpc.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const SERVER_BIN = join(dirname(fileURLToPath(import.meta.url)), '../bin/dclint-language-server.js');

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: unknown[];
  data?: unknown;
}
export interface PublishDiagnosticsParams { uri: string; version?: number; diagnostics: Diagnostic[] }
export interface ShowMessageParams { type: number; message: string }

export interface StartOptions {
  /** Settings answered to workspace/configuration (pull) or passed in initializationOptions (push). */
  settings?: Record<string, unknown>;
  /** Advertise workspace/configuration support (VS Code does; default true). */
  pullConfiguration?: boolean;
  transport?: 'stdio' | 'node-ipc';
  /** Server script to run with node (default: this package's bin). */
  serverPath?: string;
}

/** A client whose event log (diagnostics, messages, shown documents) the tests inspect. */
export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly protocolErrors: unknown[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private waiters: Array<() => void> = [];

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, settings: Record<string, unknown>) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const transport = options.transport ?? 'stdio';
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_BIN, `--${transport}`], {
      stdio: transport === 'stdio' ? ['pipe', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const connection = transport === 'stdio'
      ? createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
      : createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new LspTestClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => { client.stderr += chunk.toString(); });
    connection.onError((error) => client.protocolErrors.push(error));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.notify();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      client.messages.push(params);
      client.notify();
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      client.configurationRequests.push(params);
      return params.items.map(() => client.settings);
    });
    connection.onRequest('client/registerCapability', (params: unknown) => {
      client.registrations.push(params);
      client.notify();
      return null;
    });
    connection.onRequest('window/showDocument', (params: unknown) => {
      client.shownDocuments.push(params);
      client.notify();
      return { success: true };
    });
    connection.listen();
    const pull = options.pullConfiguration ?? true;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: pull,
          didChangeConfiguration: { dynamicRegistration: pull },
          didChangeWatchedFiles: { dynamicRegistration: pull },
        },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
        window: { showDocument: { support: true } },
      },
      initializationOptions: pull ? undefined : { settings: client.settings },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult: unknown;

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves when `check` returns a value (checked after every event), or rejects after `timeoutMs`. */
  async waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Zeitüberschreitung beim Warten auf ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** The next diagnostics for `uri` published after the `after`-th publication (count of `published` before the action). */
  nextDiagnostics(uri: string, after: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`Diagnosen für ${uri}`, () => this.published.slice(after).find((p) => p.uri === uri), timeoutMs);
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: Array<{ range?: Range; text: string }>): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down as LSP asks (shutdown, then exit) and returns its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}
