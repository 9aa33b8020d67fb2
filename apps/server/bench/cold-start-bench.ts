import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssOf } from './measure.ts';

const cli = fileURLToPath(new URL('../../cli/bin/liaison.js', import.meta.url));

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
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
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const ended = exited(child);
  try {
    const deadline = started + timeoutSeconds * 1000;
    let seconds: number | null = null;
    while (seconds === null) {
      if (child.exitCode !== null) throw new Error(`liaison serve exited with ${child.exitCode}:\n${output}`);
      if (performance.now() > deadline)
        throw new Error(`no 200 from /api/v1/health in ${timeoutSeconds} s:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`, {
          signal: AbortSignal.timeout(1000),
        });
        await response.arrayBuffer();
        if (response.status === 200) seconds = (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (seconds === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const peakRss = peakRssOf(child.pid!);
    const stopping = performance.now();
    child.kill('SIGINT');
    const exitCode = await Promise.race([
      ended,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000)),
    ]);
    if (child.exitCode === null && child.signalCode === null)
      throw new Error(`liaison serve did not stop on SIGINT:\n${output}`);
    return { seconds, peakRss, stopSeconds: (performance.now() - stopping) / 1000, exitCode };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await ended;
    }
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
