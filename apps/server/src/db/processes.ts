import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** What the start sequence needs to know of another process on this machine. */
export interface ProcessInfo {
  pid: number;
  /** Null when the system does not say (no /proc, no `ps`: Windows). */
  ppid: number | null;
  /**
   * When it started, in a form that only compares for equality (clock ticks since boot on Linux,
   * `ps`'s start time elsewhere): a pid the system handed out again has another start time.
   */
  startTime: string | null;
  commandLine: string | null;
}

/**
 * The process with that pid, or null when there is none or it has already exited. An exited
 * process not yet reaped by its parent (a zombie: an orphan's new parent may never reap it) is
 * gone too, though `kill(pid, 0)` still succeeds on it.
 */
export function processInfo(pid: number): ProcessInfo | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (existsSync('/proc/self/stat')) return fromProc(pid);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  const ps = (field: string): string | null => {
    try {
      return execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], {
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim();
    } catch {
      return null;
    }
  };
  const commandLine = ps('command');
  if (commandLine === '') return null;
  const ppid = ps('ppid');
  return { pid, ppid: ppid ? Number(ppid) : null, startTime: ps('lstart') || null, commandLine };
}

function fromProc(pid: number): ProcessInfo | null {
  let stat: string;
  let commandLine: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return null;
  }
  // `pid (comm) state ppid … starttime …`: comm may hold spaces and parentheses, so the fields
  // are counted from the last ')'. State is field 3, ppid 4, starttime 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return null;
  return { pid, ppid: Number(fields[1]), startTime: fields[19] ?? null, commandLine };
}

/** Waits until the process is gone; false if it is still there after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (processInfo(pid)) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
