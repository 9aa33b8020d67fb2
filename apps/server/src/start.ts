// The light entry `liaison serve` loads first: configuration and the start sequence. The
// application's modules are loaded by startServer while the embedded PostgreSQL starts.
export { ConfigError, loadConfig, type ServerConfig } from './config.ts';
export { type DemoLogins, type RunningServer, type StartOptions, startServer } from './server.ts';
