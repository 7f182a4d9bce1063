/** An error a user can act on: a German message naming the file and, where known, the place. Exit code 2. */
export class InputError extends Error {
  constructor(readonly file: string, detail: string, readonly line?: number, readonly column?: number) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${detail}`);
    this.name = 'InputError';
  }
}

/** A configuration file that cannot be used. */
export class ConfigError extends InputError {
  override name = 'ConfigError';
}
