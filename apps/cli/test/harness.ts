import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { TestApp } from '../../server/test/test-app.ts';

// The real CLI, as a child process, against the real app listening on a port.

const bin = fileURLToPath(new URL('../bin/liaison.js', import.meta.url));

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `liaison <args>`; LIAISON_URL and LIAISON_TOKEN come only from `options.env`. Stdin is a pipe, never a TTY. */
export function liaison(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  return new Promise<Result>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    for (const name of ['LIAISON_URL', 'LIAISON_TOKEN'])
      if (!options.env || !(name in options.env)) delete env[name];
    const child = spawn(process.execPath, [bin, ...args], { env, cwd: os.tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Starts the test app on a free port; resolves to its URL. */
export async function listen(app: TestApp): Promise<string> {
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  if (!address || typeof address !== 'object') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}
