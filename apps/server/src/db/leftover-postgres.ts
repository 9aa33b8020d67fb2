import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataDirInUseError } from './data-dir.ts';
import { type ProcessInfo, processInfo, waitForExit } from './processes.ts';

/** A fast shutdown of an idle cluster takes milliseconds; this is for one busy writing a checkpoint. */
const FAST_SHUTDOWN_MS = 20_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;

/**
 * Clears the way for this start's PostgreSQL in `databaseDir`. A Liaison killed outright
 * (SIGKILL, out of memory) cannot stop the PostgreSQL it started, which keeps running and keeps
 * its `postmaster.pid`; PostgreSQL then refuses a second postmaster on the directory. Called with
 * the data directory claimed (`claimDataDir`), so no live Liaison owns what is found here:
 *
 * - no `postmaster.pid`, or its process gone, or that pid now another program → the file goes;
 * - our PostgreSQL still running → it is stopped the way `pg_ctl stop -m fast` does (SIGINT: open
 *   transactions roll back, the data is checkpointed), and after 20 s immediately (SIGQUIT: the
 *   next start recovers from the write-ahead log, as after a power cut).
 *
 * `previousOwnerGone` says a lock showed the Liaison that ran it is dead. Without one (a Liaison
 * from before the lock file), the PostgreSQL counts as left over only if it has lost its parent.
 */
export async function clearLeftoverPostgres(options: {
  dataDir: string;
  databaseDir: string;
  previousOwnerGone: boolean;
  log: (message: string) => void;
}): Promise<void> {
  const pidFile = path.join(options.databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [pidLine = '', , , portLine = ''] = (await fs.readFile(pidFile, 'utf8')).split('\n');
  const postmaster = processInfo(Number(pidLine));
  // Where the system does not say what runs under a pid (Windows), PostgreSQL judges its file.
  if (postmaster && postmaster.commandLine === null) return;
  if (!postmaster || !isPostgresOf(postmaster, options.databaseDir)) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  if (!options.previousOwnerGone) {
    const parent = postmaster.ppid === null ? null : processInfo(postmaster.ppid);
    if (parent && parent.pid > 1 && /\bnode\b|liaison/.test(parent.commandLine ?? 'node'))
      throw new DataDirInUseError(options.dataDir, parent.pid);
  }
  options.log(
    `stopping the PostgreSQL (process ${postmaster.pid}, port ${portLine.trim()}) left running by a Liaison that did not stop it`,
  );
  signal(postmaster.pid, 'SIGINT');
  if (await waitForExit(postmaster.pid, FAST_SHUTDOWN_MS)) return;
  signal(postmaster.pid, 'SIGQUIT');
  if (await waitForExit(postmaster.pid, IMMEDIATE_SHUTDOWN_MS)) return;
  throw new Error(
    `the PostgreSQL left running in ${options.databaseDir} (process ${postmaster.pid}) does not stop: stop it (kill ${postmaster.pid}) and start again`,
  );
}

/** The postmaster of this directory, not a program that was given its pid again since. */
function isPostgresOf(info: ProcessInfo, databaseDir: string): boolean {
  const commandLine = info.commandLine ?? '';
  return /postgres/.test(commandLine) && commandLine.includes(path.resolve(databaseDir));
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
