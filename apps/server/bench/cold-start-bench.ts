import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { peakRssOf } from './measure.ts';
import { freePort, spawnServe } from './serve-process.ts';

export interface StartFigure {
  /** Spawn to the first 200 of GET /api/v1/health. */
  seconds: number;
  /** VmHWM of the server process (its embedded PostgreSQL not included). */
  peakRss: number | null;
  /** SIGINT to exit. */
  stopSeconds: number;
  exitCode: number | null;
}

export interface ColdStartFigure {
  /** Empty data directory: initdb, migrations, demo seed. */
  first: StartFigure;
  /** The same data directory again. */
  restart: StartFigure;
}

/** `liaison serve --demo` on `dataDir` (embedded PostgreSQL), until its health route answers 200. */
async function startOnce(dataDir: string, timeoutSeconds: number): Promise<StartFigure> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LIAISON_DATA_DIR: dataDir,
    LIAISON_EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.LIAISON_BOOTSTRAP_TOKEN;
  const served = spawnServe(['--demo'], env);
  try {
    const seconds = await served.waitForOk(`http://127.0.0.1:${port}/api/v1/health`, timeoutSeconds);
    const peakRss = peakRssOf(served.serverPid());
    const stopping = performance.now();
    const exitCode = await served.stop();
    return { seconds, peakRss, stopSeconds: (performance.now() - stopping) / 1000, exitCode };
  } finally {
    await served.stop().catch(() => {});
  }
}

/** First-ever start on an empty data directory, then a restart on the same one. */
export async function runColdStartFigure(timeoutSeconds = 180): Promise<ColdStartFigure> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-cold-start-'));
  await fs.chmod(dataDir, 0o755);
  try {
    const first = await startOnce(dataDir, timeoutSeconds);
    const restart = await startOnce(dataDir, timeoutSeconds);
    return { first, restart };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
