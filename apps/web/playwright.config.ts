import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { startMailCatcher } from './e2e/mail-catcher.ts';

// End-to-end tests in Debian's Chromium (never a downloaded browser) against the real server:
// `liaison serve --demo` on a fresh embedded PostgreSQL in a temp dir, seeded with the demo book.
// Two workers, each with a server of its own (a spec file changes the demo book as a user would,
// so two files never share one): the browser flows take about half as long on two cores.
// Several runs may share a machine: ports are free ones chosen per run, and a run only removes
// the data dirs of earlier runs whose process has gone.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A port nothing listens on now, found synchronously (the config cannot await). */
function freePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script]).toString().trim();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Data dirs of runs whose runner is no longer alive (marked with its pid in `.runner-pid`). */
function removeAbandonedRuns() {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith('liaison-e2e-run-')) continue;
    const dir = join(tmpdir(), entry);
    const marker = join(dir, '.runner-pid');
    const pid = existsSync(marker) ? Number(readFileSync(marker, 'utf8')) : Number.NaN;
    if (!Number.isInteger(pid) || !alive(pid)) rmSync(dir, { recursive: true, force: true });
  }
}

const workers = Math.max(1, Number(process.env.LIAISON_E2E_WORKERS ?? 2));

// The config is evaluated in the runner and again in each worker: the runner makes the run's
// dir and picks the ports (a server and its PostgreSQL per worker), and hands them to the
// workers through the environment.
if (!process.env.LIAISON_E2E_RUN_DIR) {
  removeAbandonedRuns();
  const runDir = mkdtempSync(join(tmpdir(), 'liaison-e2e-run-'));
  writeFileSync(join(runDir, '.runner-pid'), String(process.pid));
  // As root, the embedded PostgreSQL runs as an unprivileged user that must reach its data dir.
  chmodSync(runDir, 0o755);
  process.env.LIAISON_E2E_RUN_DIR = runDir;
  process.env.E2E_PORTS ??= Array.from({ length: workers }, () => freePort()).join(',');
  process.env.E2E_PG_PORTS ??= Array.from({ length: workers }, () => freePort()).join(',');
  process.env.E2E_SMTP_PORT ??= freePort();
  // The servers send their e-mail to a real SMTP server; flows read it from the run's dir.
  startMailCatcher(join(runDir, 'mail'), Number(process.env.E2E_SMTP_PORT));
}
const runDir = process.env.LIAISON_E2E_RUN_DIR;
const ports = process.env.E2E_PORTS!.split(',').map(Number);
const pgPorts = process.env.E2E_PG_PORTS!.split(',').map(Number);
// A worker's server: TEST_PARALLEL_INDEX is 0 … workers - 1, one per worker running at once.
const port = ports[Number(process.env.TEST_PARALLEL_INDEX ?? 0) % ports.length];
// The server must use its own embedded PostgreSQL, whatever the caller's shell says, and send
// its e-mail to the run's SMTP catcher only.
delete process.env.DATABASE_URL;
delete process.env.SMTP_URL;

export default defineConfig({
  testDir: './e2e',
  workers: ports.length,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  outputDir: join(runDir, 'results'),
  webServer: ports.map((serverPort, index) => ({
    command: `node apps/cli/bin/liaison.js serve --demo --port ${serverPort}`,
    cwd: repoRoot,
    url: `http://localhost:${serverPort}/healthz`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 20_000 },
    env: {
      LIAISON_DATA_DIR: join(runDir, `data-${index}`),
      LIAISON_EMBEDDED_PG_PORT: String(pgPorts[index]),
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      LIAISON_PUBLIC_URL: `http://localhost:${serverPort}`,
      LOG_LEVEL: 'warn',
      // The customer portal names the vendor (docs/portal.md): a name, not the placeholder.
      LIAISON_VENDOR_NAME: 'Northwind Cloud',
      // Where the portal sends a support problem instead of the project (docs/portal.md).
      LIAISON_SUPPORT_URL: 'https://support.northwind.example',
    },
  })),
});
