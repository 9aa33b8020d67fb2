import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Parsed once at boot; every problem is listed, then we exit.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LIAISON_DATA_DIR: z.string().default('./data'),
  LIAISON_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65_535).default(5433),
  LIAISON_BOOTSTRAP_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LIAISON_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  LIAISON_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  LIAISON_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LIAISON_JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  LIAISON_TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be true, false, a number of proxies, or proxy addresses/CIDRs separated by commas',
    )
    .default('false'),
  LIAISON_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  bootstrapToken: string | undefined;
  sessionHours: number;
  secureCookies: boolean;
  dbPoolSize: number;
  /** How often an idle server asks the job queue for work and checks the schedules. */
  jobPollSeconds: number;
  /** Which proxies to believe about the client's address (`X-Forwarded-For`) and host. */
  trustProxy: boolean | number | string[];
  /** Requests per minute one API token may make, per server (docs/security.md, Throttling). */
  apiRateLimitPerMinute: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dataDir: path.resolve(value.LIAISON_DATA_DIR),
    embeddedPgPort: value.LIAISON_EMBEDDED_PG_PORT,
    bootstrapToken: value.LIAISON_BOOTSTRAP_TOKEN,
    sessionHours: value.LIAISON_SESSION_HOURS,
    secureCookies: value.LIAISON_SECURE_COOKIES === 'true',
    dbPoolSize: value.LIAISON_DB_POOL_SIZE,
    jobPollSeconds: value.LIAISON_JOB_POLL_SECONDS,
    trustProxy: parseTrustProxy(value.LIAISON_TRUST_PROXY),
    apiRateLimitPerMinute: value.LIAISON_API_RATE_LIMIT,
    logLevel: value.LOG_LEVEL,
  });
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}
