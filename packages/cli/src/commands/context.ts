/** What a command needs from the outside world; tests pass their own. */
export interface CommandContext {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  colorDefault: boolean;
}

/** Wrong use of the command line: German message, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
