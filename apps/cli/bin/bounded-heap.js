// `liaison serve` runs with a bounded JavaScript heap.
//
// Node sizes its heap from the machine's memory (about 4 GB on a 24 GB machine), and V8 lets
// collectable garbage pile up toward that limit before collecting hard: a server streaming a
// million-row import peaked at 400 MB resident while holding well under 100 MB of live data.
// The limit can only be set when a process starts (v8.setFlagsFromString comes too late), so the
// launcher starts the server again as its child with `--max-old-space-size` and stands by,
// forwarding signals and the exit code (docs/decisions/0006-bounded-server-heap.md).
import { spawn } from 'node:child_process';
import os from 'node:os';

export const DEFAULT_HEAP_MB = 256;
const MINIMUM_HEAP_MB = 64;
const RELAUNCHED = 'LIAISON_HEAP_RELAUNCHED';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The heap limit (MB) `argv` should run with in a fresh process, or null to run here: only
 * `serve`, only once, and never over a limit someone set (`node --max-old-space-size`,
 * NODE_OPTIONS) or turned off (`LIAISON_HEAP_MB=off`). Throws on a value that is not a size.
 */
export function heapLimitFor(argv, execArgv, env) {
  if (argv[2] !== 'serve' || env[RELAUNCHED]) return null;
  const setElsewhere = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) =>
    /^--max[-_]old[-_]space[-_]size\b/.test(flag),
  );
  if (setElsewhere) return null;
  const wanted = (env.LIAISON_HEAP_MB ?? '').trim().toLowerCase();
  if (wanted === '') return DEFAULT_HEAP_MB;
  if (wanted === 'off' || wanted === '0') return null;
  if (!/^\d+$/.test(wanted) || Number(wanted) < MINIMUM_HEAP_MB)
    throw new Error(
      `LIAISON_HEAP_MB must be a whole number of megabytes (at least ${MINIMUM_HEAP_MB}) or "off"; got "${env.LIAISON_HEAP_MB}"`,
    );
  return Number(wanted);
}

/**
 * Runs `script` again in a child Node with the heap limit and never returns: the launcher exits
 * with the child's exit code (128 + n when a signal ended it).
 */
export function relaunchWithHeap(script, heapMb) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${heapMb}`, script, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: String(heapMb) } },
  );
  // The child is in our process group, so Ctrl+C in a terminal reaches it directly as well; it
  // takes a second identical signal within a moment for the same request (serve.ts).
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`error: could not start the Liaison server: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal === 'SIGABRT' || code === 134)
      process.stderr.write(
        `error: the Liaison server stopped abnormally; if it ran out of its ${heapMb} MB heap, raise LIAISON_HEAP_MB\n`,
      );
    process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
  });
}
