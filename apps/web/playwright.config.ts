import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// End-to-end tests in Debian's Chromium (never a downloaded browser) against the real server:
// `liaison serve --demo` on a fresh embedded PostgreSQL in a temp dir, seeded with the demo book.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 5499);

// The config is evaluated in the runner and again in each worker: the runner makes the data dir
// (removing those of earlier runs) and hands it to the workers through the environment.
if (!process.env.LIAISON_E2E_DATA_DIR) {
  for (const entry of readdirSync(tmpdir())) {
    if (entry.startsWith('liaison-e2e-')) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
  // As root, the embedded PostgreSQL runs as an unprivileged user that must reach its data dir.
  chmodSync(dataDir, 0o755);
  process.env.LIAISON_E2E_DATA_DIR = dataDir;
}
// The server must use its own embedded PostgreSQL, whatever the caller's shell says.
delete process.env.DATABASE_URL;

export default defineConfig({
  testDir: './e2e',
  workers: 1,
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
  outputDir: join(tmpdir(), 'liaison-e2e-results'),
  webServer: {
    command: `node apps/cli/bin/liaison.js serve --demo --port ${port}`,
    cwd: repoRoot,
    url: `http://localhost:${port}/healthz`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      LIAISON_DATA_DIR: process.env.LIAISON_E2E_DATA_DIR,
      LIAISON_EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
    },
  },
});
