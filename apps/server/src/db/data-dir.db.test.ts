import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../test/free-port.ts';
import { claimDataDir, DataDirAccessError, DataDirInUseError, prepareDataDir } from './data-dir.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

// LIAISON_DATA_DIR: who may use it, and whether PostgreSQL can reach it
// (docs/security.md, "Crashes and restarts").

const made: string[] = [];
async function tempDir(): Promise<string> {
  // mkdtemp makes the directory 0700: as root, the user `postgres` cannot enter it.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-datadir-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

const asRoot = process.getuid?.() === 0;

describe('a data directory PostgreSQL cannot enter', () => {
  it.runIf(asRoot)(
    'is made enterable when it is Liaison’s own (a fresh 0700 directory), and the cluster starts in it',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir();
      expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
      const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      await embedded.stop();
      // Search only: others may pass through, not list it.
      expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o701);
    },
  );

  it.runIf(asRoot)(
    'stops at once, saying what to do, when a directory on the way is not Liaison’s',
    async () => {
      const parent = await tempDir();
      const dataDir = path.join(parent, 'liaison-data');
      const error = await prepareDataDir(dataDir).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(DataDirAccessError);
      expect((error as Error).message).toBe(
        `the embedded PostgreSQL runs as the user "postgres", which cannot enter ${parent} (mode 0700) on the way to the data directory ${dataDir}: let it pass through (chmod o+x ${parent}) or set LIAISON_DATA_DIR to a directory it can reach`,
      );
      // The administrator's directory is left as it was.
      expect((await fs.stat(parent)).mode & 0o777).toBe(0o700);
    },
  );

  it.runIf(asRoot)('leaves alone a data directory that holds other files than Liaison’s', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, 'notes.txt'), 'mine');
    await expect(prepareDataDir(dataDir)).rejects.toThrow(`cannot enter ${dataDir} (mode 0700)`);
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it.runIf(asRoot)('gives the directories it creates on the way what PostgreSQL needs', async () => {
    const parent = await tempDir();
    await fs.chmod(parent, 0o755);
    const dataDir = path.join(parent, 'a', 'b');
    // An administrator's umask 077 makes every new directory 0700.
    const umask = process.umask(0o077);
    try {
      await prepareDataDir(dataDir);
    } finally {
      process.umask(umask);
    }
    expect((await fs.stat(path.join(parent, 'a'))).mode & 0o777).toBe(0o701);
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o701);
  });
});

describe('one Liaison per data directory', () => {
  it('refuses a second claim while the first holder runs, and takes over the lock of one that died', async () => {
    const dataDir = await tempDir();
    const first = await claimDataDir(dataDir);
    expect(first.previous).toBeNull();
    const second = await claimDataDir(dataDir).catch((thrown: unknown) => thrown);
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toBe(
      `another Liaison (process ${process.pid}) is using the data directory ${dataDir}: stop it first, or give this one another LIAISON_DATA_DIR`,
    );
    await first.release();

    // The lock a Liaison killed outright leaves: its pid no longer runs.
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    await fs.writeFile(path.join(dataDir, 'liaison.lock'), JSON.stringify({ pid: dead, startTime: '1' }));
    const again = await claimDataDir(dataDir);
    expect(again.previous).toEqual({ pid: dead, startTime: '1' });
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'liaison.lock'), 'utf8')).pid).toBe(process.pid);
    await again.release();
    expect(await fs.readdir(dataDir)).toEqual([]);
  });

  it('takes over a lock whose pid now belongs to another program (started at another time)', async () => {
    const dataDir = await tempDir();
    // Our own pid, with a start time that is not ours: the pid was handed out again.
    await fs.writeFile(
      path.join(dataDir, 'liaison.lock'),
      JSON.stringify({ pid: process.pid, startTime: 'long ago' }),
    );
    const claim = await claimDataDir(dataDir);
    expect(claim.previous?.startTime).toBe('long ago');
    await claim.release();
  });
});
