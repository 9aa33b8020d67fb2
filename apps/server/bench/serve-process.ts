import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export { freePort } from '../test/free-port.ts';

// `liaison serve` as a separate process, as users run it: through the CLI's launcher, which runs
// the server itself as its child with a bounded heap (apps/cli/bin/bounded-heap.js). Figures
// that measure the server's memory measure that child, not the benchmark's own process.

const cli = fileURLToPath(new URL('../../cli/bin/liaison.js', import.meta.url));

export interface ServeProcess {
  /** The launcher (what `liaison serve` started). */
  launcher: ChildProcess;
  /** Standard output and error so far. */
  output(): string;
  /** Resolves to the launcher's exit code once it has exited. */
  exited: Promise<number | null>;
  /** The pid of the Node process running the server: the launcher's child, or the launcher. */
  serverPid(): number;
  /** Waits for `GET url` to answer 200; resolves to the seconds since the spawn. */
  waitForOk(url: string, timeoutSeconds: number, pollMs?: number): Promise<number>;
  /** SIGINT (as Ctrl+C), then SIGKILL after `timeoutSeconds`; resolves to the exit code. */
  stop(timeoutSeconds?: number): Promise<number | null>;
}

export function spawnServe(args: string[], env: NodeJS.ProcessEnv): ServeProcess {
  const started = performance.now();
  const launcher = spawn(process.execPath, [cli, 'serve', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  launcher.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const running = () => launcher.exitCode === null && launcher.signalCode === null;
  const exited = new Promise<number | null>((resolve) => {
    if (!running()) resolve(launcher.exitCode);
    else launcher.once('exit', (code) => resolve(code));
  });
  return {
    launcher,
    output: () => output,
    exited,
    serverPid() {
      const pid = launcher.pid!;
      const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
      // Under the launcher the server is its one Node child; with LIAISON_HEAP_MB=off the
      // launcher is the server and its children are PostgreSQL's (embedded) or none.
      const server = children.find(
        (child) => child && fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('liaison.js'),
      );
      return server ? Number(server) : pid;
    },
    async waitForOk(url, timeoutSeconds, pollMs = 20) {
      const deadline = started + timeoutSeconds * 1000;
      for (;;) {
        if (!running()) throw new Error(`liaison serve exited with ${launcher.exitCode}:\n${output}`);
        if (performance.now() > deadline)
          throw new Error(`no 200 from ${url} in ${timeoutSeconds} s:\n${output}`);
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
          await response.arrayBuffer();
          if (response.status === 200) return (performance.now() - started) / 1000;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    async stop(timeoutSeconds = 30) {
      if (!running()) return launcher.exitCode;
      const server = this.serverPid();
      launcher.kill('SIGINT');
      const code = await Promise.race([
        exited,
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutSeconds * 1000)),
      ]);
      if (code !== 'timeout') return code;
      // The launcher's child would outlive it: kill both.
      if (server !== launcher.pid) process.kill(server, 'SIGKILL');
      launcher.kill('SIGKILL');
      await exited;
      throw new Error(`liaison serve did not stop on SIGINT within ${timeoutSeconds} s:\n${output}`);
    },
  };
}
