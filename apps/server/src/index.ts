export { type App, buildApp } from './app.ts';
export { ConfigError, loadConfig, type ServerConfig } from './config.ts';
export { connectDatabase, type DatabaseHandle } from './db/client.ts';
export { startEmbeddedPostgres } from './db/embedded-postgres.ts';
export { migrate } from './db/migrate.ts';
export { seedDemo } from './demo/demo-seed.ts';
export { type RunningServer, type StartOptions, startServer } from './server.ts';
