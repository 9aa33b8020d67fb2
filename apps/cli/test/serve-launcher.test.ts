import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/test/free-port.ts';
import { createTestDatabase } from '../../server/test/test-app.ts';

// `liaison serve` as a user starts it: the launcher runs the server again with a bounded heap,
// forwards signals, and passes the exit code on.

const bin = fileURLToPath(new URL('../bin/liaison.js', import.meta.url));
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

interface Served {
  launcher: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `liaison serve` in its own process group (as a terminal would) and waits for /healthz. */
async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const launcher = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', ...env },
    cwd: os.tmpdir(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  launcher.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`serve exited with ${launcher.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`no answer on port ${port}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { launcher, output: () => output, exited };
}

/** The command lines of a process's children, from /proc. */
function childCommandLines(pid: number): string[][] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  return children
    .filter(Boolean)
    .map((child) => readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean));
}

describe('liaison serve under the bounded-heap launcher', () => {
  it('runs the server with LIAISON_HEAP_MB as its heap limit, and stops cleanly on Ctrl+C (SIGINT to the group)', async () => {
    const served = await serve({ LIAISON_HEAP_MB: '200' });
    const [server, ...others] = childCommandLines(served.launcher.pid!);
    expect(others).toEqual([]);
    expect(server).toContain('--max-old-space-size=200');
    expect(server!.slice(-3)).toEqual(['serve', '--port', expect.any(String)]);

    // A terminal's Ctrl+C reaches the launcher and the server; the launcher forwards it too.
    process.kill(-served.launcher.pid!, 'SIGINT');
    expect(await served.exited).toBe(0);
    expect(served.output()).toContain('stopped.');
    expect(served.output()).not.toContain('again');
  });

  it('forwards a SIGTERM sent to the launcher alone, and exits with the server’s code', async () => {
    const served = await serve({});
    expect(childCommandLines(served.launcher.pid!)[0]).toContain('--max-old-space-size=256');
    served.launcher.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.output()).toContain('SIGTERM: stopping Liaison');
  });

  it('stops the server when the launcher is killed outright (SIGKILL cannot be forwarded)', async () => {
    const served = await serve({});
    const server = Number(
      readFileSync(`/proc/${served.launcher.pid}/task/${served.launcher.pid}/children`, 'utf8').trim(),
    );
    expect(server).toBeGreaterThan(0);
    served.launcher.kill('SIGKILL');
    await served.exited;
    const deadline = Date.now() + 15_000;
    while (existsSync(`/proc/${server}`) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(`/proc/${server}`), 'the server outlived its launcher').toBe(false);
    expect(served.output()).toContain('the launcher is gone: stopping Liaison');
  });

  it('runs the server in place when told not to bound the heap', async () => {
    const served = await serve({ LIAISON_HEAP_MB: 'off' });
    // No second Node: the server is the launcher itself (its children are none).
    expect(childCommandLines(served.launcher.pid!)).toEqual([]);
    served.launcher.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });

  it('refuses a heap size it cannot use, before starting anything', async () => {
    const launcher = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, DATABASE_URL: database.url, LIAISON_HEAP_MB: 'lots' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    launcher.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => launcher.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'error: LIAISON_HEAP_MB must be a whole number of megabytes (at least 64) or "off"; got "lots"\n',
    );
  });
});
