import readline from 'node:readline';
import { Writable } from 'node:stream';
import { CliError } from './output.ts';

export interface Prompter {
  /** Asks on stderr (stdout stays clean for `--json`); `hidden` does not echo what is typed on a terminal. */
  ask(question: string, options?: { hidden?: boolean }): Promise<string>;
  close(): void;
}

/**
 * Questions answered from stdin, typed or piped (`printf 'me@x\nsecret\n' | liaison login`):
 * one reader for all questions, with its own queue, so piped lines are never lost between them.
 */
export function createPrompter(input: NodeJS.ReadStream = process.stdin): Prompter {
  const terminal = Boolean(input.isTTY);
  let muted = false;
  const echo = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stderr.write(chunk, encoding);
      callback();
    },
  });
  const rl = readline.createInterface({ input, output: echo, terminal });
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  // In raw terminal mode Ctrl+C reaches readline, not the process: give it its usual meaning.
  rl.on('SIGINT', () => {
    rl.close();
    process.stderr.write('\n');
    process.exit(130);
  });
  rl.on('close', () => {
    closed = true;
    for (const next of waiting.splice(0)) next(undefined);
  });

  return {
    async ask(question, options = {}) {
      process.stderr.write(question);
      const hide = Boolean(options.hidden) && terminal;
      muted = hide;
      const line =
        lines.shift() ?? (closed ? undefined : await new Promise<string | undefined>((r) => waiting.push(r)));
      muted = false;
      if (hide) process.stderr.write('\n');
      if (line === undefined) throw new CliError(`no answer to "${question.trim()}" (stdin closed)`, 2);
      return line;
    },
    close() {
      rl.close();
    },
  };
}
