import { InputError } from './errors.js';
import { lintCommand, LINT_HELP } from './commands/lint.js';
import { UsageError, type CommandContext } from './commands/context.js';
import { formatters } from './formatters/index.js';
import { VERSION } from './version.js';
import { rulesCommand } from './commands/rules.js';
import { explainCommand } from './commands/explain.js';
import { synopseCommand } from './commands/synopse.js';

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

/** Sub-commands by name; everything else is linted. */
export const commands: Record<string, Command> = {
  rules: rulesCommand,
  explain: explainCommand,
  synopse: synopseCommand,
};

/** Runs dclint with the given arguments; returns the exit code. Never throws. */
export async function main(argv: string[], ctx: CommandContext): Promise<number> {
  try {
    const command = argv[0] !== undefined ? commands[argv[0]] : undefined;
    if (!command && (argv.includes('-h') || argv.includes('--help'))) {
      ctx.stdout(LINT_HELP.replace('{formats}', Object.keys(formatters).join(', ')));
      return 0;
    }
    if (argv.includes('-v') || argv.includes('--version')) {
      ctx.stdout(`dclint ${VERSION}\n`);
      return 0;
    }
    return command ? await command(argv.slice(1), ctx) : await lintCommand(argv, ctx);
  } catch (error) {
    ctx.stderr(`dclint: ${describeError(error)}\n`);
    return 2;
  }
}

function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof InputError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    return `Unbekannte Option „${option}“. Hilfe: dclint --help`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    return `Die Option „${option.split(' ')[0]}“ braucht einen Wert. Hilfe: dclint --help`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'Unerwartetes Argument. Hilfe: dclint --help';
  return `Interner Fehler: ${(error as Error)?.message ?? String(error)}. Bitte melden Sie diesen Fehler.`;
}

/** The real process: arguments, streams, exit code. */
export async function run(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    colorDefault: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  });
  process.exitCode = code;
}
