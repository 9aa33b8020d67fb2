import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { connectDatabase, type DatabaseHandle } from './db/client.ts';
import { type EmbeddedServer, startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrate } from './db/migrate.ts';
import { startRefreshScheduler } from './features/assessments/refresh-scheduler.ts';

export interface RunningServer {
  url: string;
  databaseMode: 'embedded' | 'external';
  close: () => Promise<void>;
}

export interface StartOptions {
  /** Seed the demo organisation when the database holds no accounts yet. */
  demo?: boolean;
  onDemoSeeded?: (summary: { logins: { email: string; password: string; roles: string[] }[] }) => void;
  seedDemo?: (
    database: DatabaseHandle,
  ) => Promise<{ logins: { email: string; password: string; roles: string[] }[] } | null>;
}

/**
 * Starts everything a Liaison server needs: the database (embedded unless DATABASE_URL is set),
 * migrations, the bootstrap token, optionally the demo, then the HTTP listener. `close` undoes it
 * all in reverse order; the caller wires it to SIGINT/SIGTERM.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
    databaseUrl = embedded.url;
  }
  const database = connectDatabase(databaseUrl, config.dbPoolSize);
  try {
    await migrate(database.pool);
    const app = await buildApp({
      db: database.db,
      logLevel: config.logLevel,
      sessionHours: config.sessionHours,
      secureCookies: config.secureCookies,
      demo: Boolean(options.demo),
    });
    if (config.bootstrapToken)
      await app.services.auth.ensureBootstrapToken(config.bootstrapToken, new Date());
    if (options.demo && options.seedDemo) {
      const seeded = await options.seedDemo(database);
      if (seeded) options.onDemoSeeded?.(seeded);
    }
    const address = await app.http.listen({ port: config.port, host: config.host });
    const refresher = startRefreshScheduler(app.services.assessments, {
      info: (message) => app.http.log.info(message),
      error: (message, error) => app.http.log.error({ err: error }, message),
    });
    return {
      url: address.replace('127.0.0.1', 'localhost'),
      databaseMode: embedded ? 'embedded' : 'external',
      close: async () => {
        await refresher.stop();
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
