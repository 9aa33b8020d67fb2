import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInfo } from '../../server/src/db/processes.ts';
import { freePort } from '../../server/test/free-port.ts';

// `liaison serve` on its embedded PostgreSQL, killed outright and started again on the same data
// directory (docs/security.md, "Crashes and restarts"). The tests share one data directory, so
// only the first start runs initdb; each leaves nothing running.

const bin = fileURLToPath(new URL('../bin/liaison.js', import.meta.url));
let dataDir: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-restart-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the folder.
  await fs.chmod(dataDir, 0o755);
});
afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  const postmaster = postmasterPid();
  if (postmaster) process.kill(postmaster, 'SIGQUIT');
  await fs.rm(dataDir, { recursive: true, force: true });
});

interface Served {
  launcher: ChildProcess;
  /** The server process the launcher runs (with the bounded heap). */
  server: number;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `liaison serve` on the shared data directory and waits until it answers. */
async function serve(): Promise<Served> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LIAISON_DATA_DIR: dataDir,
    LIAISON_EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const launcher = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env,
    cwd: os.tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(launcher);
  let output = '';
  launcher.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  launcher.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`serve exited with ${launcher.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`no answer on port ${port}:\n${output}`);
    const ok = await fetch(`${url}/api/v1/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const server = Number(
    readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(/\s+/)[0],
  );
  return { launcher, server, url, output: () => output, exited };
}

function postmasterPid(): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return processInfo(pid) ? pid : null;
  } catch {
    return null;
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (processInfo(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(processInfo(pid), `process ${pid} is still running`).toBeNull();
}

async function stopCleanly(served: Served): Promise<void> {
  served.launcher.kill('SIGTERM');
  expect(await served.exited, served.output()).toBe(0);
  expect(postmasterPid()).toBeNull();
}

describe('liaison serve after a crash', { timeout: 240_000 }, () => {
  it('starts again on the same data directory after the server alone was killed (SIGKILL), its PostgreSQL still running', async () => {
    const first = await serve();
    const postmaster = postmasterPid();
    expect(postmaster).not.toBeNull();

    process.kill(first.server, 'SIGKILL');
    // The launcher reports its child's death as 128 + 9; the PostgreSQL is orphaned, still running.
    expect(await first.exited).toBe(137);
    expect(processInfo(postmaster!), 'the scenario needs the PostgreSQL left running').not.toBeNull();

    const second = await serve();
    expect((await fetch(`${second.url}/api/v1/health`)).status).toBe(200);
    // The old PostgreSQL was stopped and a new one serves the data.
    await waitUntilGone(postmaster!);
    expect(postmasterPid()).not.toBe(postmaster);
    expect(second.output()).toContain(`stopping the PostgreSQL (process ${postmaster}, port `);
    await stopCleanly(second);
  });

  it('starts again after the launcher and the server were both killed outright', async () => {
    const first = await serve();
    const postmaster = postmasterPid();
    process.kill(first.launcher.pid!, 'SIGKILL');
    process.kill(first.server, 'SIGKILL');
    await first.exited;
    await waitUntilGone(first.server);
    expect(processInfo(postmaster!)).not.toBeNull();

    const second = await serve();
    expect((await fetch(`${second.url}/api/v1/health`)).status).toBe(200);
    await waitUntilGone(postmaster!);
    await stopCleanly(second);
  });

  it('refuses a second Liaison on a data directory a running one uses, and leaves the first serving', async () => {
    const first = await serve();
    const postmaster = postmasterPid();
    await expect(serve()).rejects.toThrow(
      `another Liaison (process ${first.server}) is using the data directory ${dataDir}`,
    );
    expect((await fetch(`${first.url}/api/v1/health`)).status).toBe(200);
    expect(postmasterPid()).toBe(postmaster);
    await stopCleanly(first);
  });
});
