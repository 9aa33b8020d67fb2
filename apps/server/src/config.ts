import path from 'node:path';
import { z } from 'zod';

export const DEFAULT_MAIL_FROM = 'Liaison <liaison@localhost>';
/** Whose customer portal this is, until LIAISON_VENDOR_NAME says (docs/portal.md). */
export const DEFAULT_VENDOR_NAME = 'Your vendor';

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
  SMTP_URL: z
    .string()
    .trim()
    .refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465')
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .refine(isMailbox, 'must be an address, e.g. Liaison <liaison@example.com> or liaison@example.com')
    .default(DEFAULT_MAIL_FROM),
  LIAISON_PUBLIC_URL: z
    .string()
    .trim()
    .refine(isWebOrigin, 'must be an http:// or https:// URL, e.g. https://liaison.example.com')
    .optional(),
  LIAISON_VENDOR_NAME: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((value) => !/[\r\n]/.test(value), 'must be one line')
    .default(DEFAULT_VENDOR_NAME),
  LIAISON_SUPPORT_URL: z
    .string()
    .trim()
    .refine(isWebOrigin, 'must be an http:// or https:// URL, e.g. https://support.example.com')
    .optional(),
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
  /** The SMTP server e-mail goes through; unset, messages are held in the outbox (docs/mail.md). */
  smtpUrl: string | undefined;
  /** The sender of every message (`From`). */
  mailFrom: string;
  /**
   * The web app's origin for links in messages, without a trailing slash. Unset: the server's own
   * address as `http://localhost:<PORT>`, right only when people read mail on the server's machine.
   */
  publicUrl: string;
  /** The company whose customer portal this is: the portal's pages and its e-mail name it. */
  vendorName: string;
  /** Where the portal sends a customer with a support problem (downtime, errors); null: no link. */
  supportUrl: string | null;
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
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    publicUrl: (value.LIAISON_PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, ''),
    vendorName: value.LIAISON_VENDOR_NAME,
    supportUrl: value.LIAISON_SUPPORT_URL ?? null,
  });
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isSmtpUrl(value: string): boolean {
  const url = parsedUrl(value);
  return url !== null && (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
}

function isWebOrigin(value: string): boolean {
  const url = parsedUrl(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

// `name@host` with no spaces, brackets or line breaks: a line break in a header would let a
// value add headers of its own. `localhost` is a host too (the default sender).
const ADDRESS = /^[^\s<>@"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/** `liaison@example.com` or `Display Name <liaison@example.com>`. */
export function isMailbox(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const named = /^([^<>"]*?)\s*<([^<>]+)>$/.exec(value);
  return ADDRESS.test(named ? named[2]! : value);
}
