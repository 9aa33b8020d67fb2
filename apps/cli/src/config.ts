import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError } from './output.ts';

/**
 * Where the CLI talks to and as whom. Precedence, highest first: command-line flag, environment
 * (`LIAISON_URL`, `LIAISON_TOKEN`), the login saved by `liaison login`, then the default URL.
 */

export const DEFAULT_URL = 'http://localhost:3000';

export type Source = 'flag' | 'env' | 'credentials' | 'default';

export interface SavedCredentials {
  url: string;
  token: string;
  /** The API token's id, so `liaison logout` can revoke it on the server. */
  tokenId?: string | undefined;
  email?: string | undefined;
  savedAt?: string | undefined;
}

export interface Connection {
  url: string;
  token: string | undefined;
  urlSource: Source;
  tokenSource: Exclude<Source, 'default'> | 'none';
}

export interface ConnectionFlags {
  url?: string | undefined;
  token?: string | undefined;
}

type Env = Record<string, string | undefined>;

const present = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

/** `$XDG_CONFIG_HOME/liaison/credentials.json`, else `~/.config/liaison/credentials.json`. */
export function credentialsPath(env: Env = process.env, home: string = os.homedir()): string {
  const configHome = present(env.XDG_CONFIG_HOME);
  const base = configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config');
  return path.join(base, 'liaison', 'credentials.json');
}

/** `http(s)://host[:port][/prefix]` without a trailing slash or `/api/v1`; anything else is refused. */
export function normaliseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CliError(`"${value}" is not a URL: expected something like ${DEFAULT_URL}`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(`"${value}" is not an http(s) URL: expected something like ${DEFAULT_URL}`, 2);
  if (url.search || url.hash) throw new CliError(`"${value}": the URL must not have a query or fragment`, 2);
  const pathname = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${url.origin}${pathname}`;
}

/**
 * Pure precedence rules. The saved token is only sent to the server it was issued by: pointing
 * `--url`/`LIAISON_URL` elsewhere does not leak it.
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Env,
  saved: SavedCredentials | null,
): Connection {
  const flagUrl = present(flags.url);
  const envUrl = present(env.LIAISON_URL);
  let url: string;
  let urlSource: Source;
  if (flagUrl) [url, urlSource] = [normaliseUrl(flagUrl), 'flag'];
  else if (envUrl) [url, urlSource] = [normaliseUrl(envUrl), 'env'];
  else if (saved) [url, urlSource] = [normaliseUrl(saved.url), 'credentials'];
  else [url, urlSource] = [DEFAULT_URL, 'default'];

  const flagToken = present(flags.token);
  const envToken = present(env.LIAISON_TOKEN);
  if (flagToken) return { url, urlSource, token: flagToken, tokenSource: 'flag' };
  if (envToken) return { url, urlSource, token: envToken, tokenSource: 'env' };
  if (saved && sameServer(saved.url, url))
    return { url, urlSource, token: saved.token, tokenSource: 'credentials' };
  return { url, urlSource, token: undefined, tokenSource: 'none' };
}

function sameServer(left: string, right: string): boolean {
  try {
    return normaliseUrl(left) === normaliseUrl(right);
  } catch {
    return false;
  }
}

export function readCredentials(file: string): SavedCredentials | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON: run "liaison logout" then "liaison login"`);
  }
  const record = value as Partial<SavedCredentials> | null;
  if (!record || typeof record.url !== 'string' || typeof record.token !== 'string')
    throw new CliError(`${file} has no url and token: run "liaison logout" then "liaison login"`);
  return {
    url: record.url,
    token: record.token,
    tokenId: typeof record.tokenId === 'string' ? record.tokenId : undefined,
    email: typeof record.email === 'string' ? record.email : undefined,
    savedAt: typeof record.savedAt === 'string' ? record.savedAt : undefined,
  };
}

/** Written readable by the owner only (0600, folder 0700): the file holds a secret. */
export function writeCredentials(file: string, credentials: SavedCredentials): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

/** True when there was a file to delete. */
export function deleteCredentials(file: string): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CliError(`cannot delete ${file}: ${(error as Error).message}`);
  }
}

/** The connection for a command: flags, then the environment, then the saved login. */
export function loadConnection(flags: ConnectionFlags, env: Env = process.env): Connection {
  const given =
    (present(flags.url) ?? present(env.LIAISON_URL)) && (present(flags.token) ?? present(env.LIAISON_TOKEN));
  let saved: SavedCredentials | null = null;
  try {
    saved = readCredentials(credentialsPath(env));
  } catch (error) {
    // A damaged credentials file only matters when we need something from it.
    if (!given) throw error;
  }
  return resolveConnection(flags, env, saved);
}

export function describeSource(source: Source | 'none', env: Env = process.env): string {
  switch (source) {
    case 'flag':
      return 'command-line flag';
    case 'env':
      return 'environment';
    case 'credentials':
      return `saved login in ${credentialsPath(env)}`;
    case 'default':
      return 'default';
    case 'none':
      return 'none';
  }
}
