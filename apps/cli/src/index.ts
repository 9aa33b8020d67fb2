import { type Command, CommanderError } from 'commander';
import { printJson, reportError } from './output.ts';
import { buildProgram } from './program.ts';

/** Runs the CLI; resolves to the exit code (the commands print their own output). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Usage errors exit 2; commander has already printed them.
  configure(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      if (argv.includes('--json'))
        printJson({ error: { code: 'USAGE', message: error.message.replace(/^error: /, '') } });
      return 2;
    }
    return reportError(error, { json: argv.includes('--json') });
  }
}

/** Settings commander does not pass on to commands added with addCommand. */
function configure(command: Command): void {
  command.exitOverride().showHelpAfterError('(add --help for usage)');
  for (const child of command.commands) configure(child);
}

const code = await main(process.argv);
// `serve` keeps running until a signal; everything else ends here, with its exit code.
process.exitCode = code;
