import { type ApiClient, ApiError, createApiClient } from '@liaison/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import { type Connection, credentialsPath, loadConnection } from './config.ts';
import { CliError } from './output.ts';

/** Options every command that calls the API accepts. */
export interface ApiOptions {
  url?: string;
  token?: string;
  json?: boolean;
}

export function withJsonOption(command: Command): Command {
  return command.option('--json', 'print JSON instead of human-readable text');
}

export function withConnectionOptions(command: Command): Command {
  return withJsonOption(
    command
      .option('--url <url>', 'Liaison server URL (default: $LIAISON_URL, saved login, http://localhost:3000)')
      .option('--token <token>', 'API token (default: $LIAISON_TOKEN, saved login)'),
  );
}

export interface Session {
  client: ApiClient;
  connection: Connection;
}

export function connect(options: ApiOptions, env: NodeJS.ProcessEnv = process.env): Session {
  const connection = loadConnection({ url: options.url, token: options.token }, env);
  const client = createApiClient({
    baseUrl: connection.url,
    token: connection.token,
    headers: { 'user-agent': 'liaison-cli' },
  });
  return { client, connection };
}

/** Runs an API call; a 401 gets a hint that says where the (missing or rejected) token came from. */
export async function withSession<T>(
  options: ApiOptions,
  action: (session: Session) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const session = connect(options, env);
  try {
    return await action(session);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const hint = unauthenticatedHint(session.connection, env);
      throw new ApiError({
        status: error.status,
        code: error.code,
        message: `${error.message} ${hint}`,
        details: error.details,
        requestId: error.requestId,
      });
    }
    throw error;
  }
}

export function unauthenticatedHint(connection: Connection, env: NodeJS.ProcessEnv = process.env): string {
  switch (connection.tokenSource) {
    case 'none':
      return `(not logged in to ${connection.url}: run "liaison login" or set LIAISON_TOKEN)`;
    case 'flag':
      return '(the token given with --token was rejected)';
    case 'env':
      return '(the token in LIAISON_TOKEN was rejected)';
    case 'credentials':
      return `(the saved login in ${credentialsPath(env)} was rejected: run "liaison login" again)`;
  }
}

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return limit;
}

/**
 * An instant for `--as-of`: a full ISO instant, a date (`2026-03-01` = midnight UTC), or a
 * date-time without offset (read in the local time zone). Sent to the server as UTC.
 */
export function parseInstant(value: string): string {
  const text = value.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError(
      'expected an ISO date or instant, e.g. 2026-03-01 or 2026-03-01T09:30:00Z',
    );
  return date.toISOString();
}

export function requireId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.trim()))
    throw new CliError(`"${value}" is not an id: ids are UUIDs, as "liaison accounts list" shows them`, 2);
  return value.trim().toLowerCase();
}
