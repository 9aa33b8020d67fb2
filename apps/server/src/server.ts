import type { ServerConfig } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { type EmbeddedServer, embeddedClusterExists, startEmbeddedPostgres } from './db/embedded-postgres.ts';

export interface RunningServer {
  url: string;
  databaseMode: 'embedded' | 'external';
  close: () => Promise<void>;
}

export interface DemoLogins {
  logins: { email: string; password: string; roles: string[] }[];
}

export interface StartOptions {
  /** Seed the demo organisation when the database holds no accounts yet. */
  demo?: boolean;
  onDemoSeeded?: (summary: DemoLogins) => void;
  /** The seed to use; the built-in demo organisation by default. */
  seedDemo?: (database: DatabaseHandle) => Promise<DemoLogins | null>;
  /** What the start did that the operator should know (a PostgreSQL left by a crash stopped). */
  onNotice?: (message: string) => void;
}

/**
 * Starts everything a Liaison server needs: the database (embedded unless DATABASE_URL is set),
 * migrations, the bootstrap token, optionally the demo, then the HTTP listener. `close` undoes it
 * all in reverse order; the caller wires it to SIGINT/SIGTERM.
 *
 * The embedded PostgreSQL is started before the application's modules are loaded, so that its
 * initdb and start (child processes) overlap with loading and compiling them and, on a first
 * start, with building the demo organisation.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const firstStart = !config.databaseUrl && !embeddedClusterExists(config.dataDir);
  const embeddedStarting = config.databaseUrl
    ? undefined
    : startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        ...(options.onNotice ? { onNotice: options.onNotice } : {}),
      });
  const modulesLoading = loadModules(Boolean(options.demo));
  // A brand-new cluster is certainly empty, so the demo will be seeded: build its rows (CPU)
  // while initdb runs in its own processes. Elsewhere the seed builds them only if it seeds.
  const demoPrepared =
    options.demo && firstStart && !options.seedDemo
      ? modulesLoading.then((loaded) => loaded.prepareDemoData?.(new Date())).catch(() => undefined)
      : undefined;
  let embedded: EmbeddedServer | undefined;
  let modules: Awaited<ReturnType<typeof loadModules>>;
  try {
    [modules, embedded] = await Promise.all([modulesLoading, embeddedStarting]);
  } catch (error) {
    // The other half may have succeeded: a started PostgreSQL must not outlive a failed start.
    await (await embeddedStarting?.catch(() => undefined))?.stop().catch(() => {});
    throw error;
  }
  const { buildApp, connectDatabase, migrate, startJobs, seedDemo } = modules;
  const database = connectDatabase(embedded?.url ?? config.databaseUrl!, config.dbPoolSize);
  try {
    await migrate(database.pool);
    const app = await buildApp({
      db: database.db,
      logLevel: config.logLevel,
      sessionHours: config.sessionHours,
      mail: { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl },
      vendorName: config.vendorName,
      supportUrl: config.supportUrl,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      apiRateLimit: { max: config.apiRateLimitPerMinute, windowSeconds: 60 },
      demo: Boolean(options.demo),
    });
    // Imports a stopped server left unfinished fail now, not when someone next asks.
    const interrupted = await app.services.imports.failInterrupted();
    if (interrupted.length > 0)
      app.http.log.warn({ imports: interrupted }, 'imports interrupted by a restart marked failed');
    if (config.bootstrapToken)
      await app.services.auth.ensureBootstrapToken(config.bootstrapToken, new Date());
    if (options.demo) {
      const prepared = await demoPrepared;
      const seeded = options.seedDemo
        ? await options.seedDemo(database)
        : await seedDemo!(database, prepared ? { prepared } : {});
      if (seeded) options.onDemoSeeded?.(seeded);
    }
    // This server takes its share of the jobs (scheduled ones run once however many servers run),
    // before it listens: once it answers, its start is complete and a signal stops it cleanly.
    const jobs = await startJobs(app, database.pool, { pollingIntervalSeconds: config.jobPollSeconds });
    const address = await app.http.listen({ port: config.port, host: config.host }).catch(async (error) => {
      await jobs.stop();
      throw error;
    });
    return {
      url: address.replace('127.0.0.1', 'localhost'),
      databaseMode: embedded ? 'embedded' : 'external',
      close: async () => {
        await jobs.stop();
        // Closing the app waits for its background work in flight (the onClose hook).
        await app.http.close();
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
}

async function loadModules(demo: boolean) {
  const [{ buildApp }, { connectDatabase }, { migrate }, { startJobs }, demoSeed] = await Promise.all([
    import('./app.ts'),
    import('./db/client.ts'),
    import('./db/migrate.ts'),
    import('./jobs.ts'),
    demo ? import('./demo/demo-seed.ts') : undefined,
  ]);
  return {
    buildApp,
    connectDatabase,
    migrate,
    startJobs,
    seedDemo: demoSeed?.seedDemo,
    prepareDemoData: demoSeed?.prepareDemoData,
  };
}
