import os from 'node:os';
import { createApiClient } from '@liaison/contracts';
import { Command } from 'commander';
import { withJsonOption } from '../api.ts';
import { credentialsPath, DEFAULT_URL, normaliseUrl, readCredentials, writeCredentials } from '../config.ts';
import { CliError, note, print, printJson } from '../output.ts';
import { createPrompter, type Prompter } from '../prompt.ts';

interface LoginOptions {
  url?: string;
  email?: string;
  password?: string;
  json?: boolean;
}

export function loginCommand(): Command {
  return withJsonOption(
    new Command('login')
      .description(
        'sign in with email and password, create an API token for this machine and save it (mode 0600)',
      )
      .option('--url <url>', 'Liaison server URL (default: $LIAISON_URL, else asked)')
      .option('--email <email>', 'your email (asked for when missing)')
      .option(
        '--password <password>',
        'your password (asked for when missing; on the command line it is visible to other users)',
      ),
  ).action(login);
}

async function login(options: LoginOptions): Promise<void> {
  const file = credentialsPath();
  const previous = safeRead(file);
  // --url, else LIAISON_URL, else asked (the saved login's server, or localhost, as the default).
  let url = options.url?.trim() || process.env.LIAISON_URL?.trim() || undefined;
  let email = options.email?.trim();
  let password = options.password;
  let prompter: Prompter | undefined;
  try {
    if (!url || !email || !password) prompter = createPrompter();
    if (!url) {
      const fallback = previous?.url ?? DEFAULT_URL;
      url = (await prompter!.ask(`Liaison URL [${fallback}]: `)).trim() || fallback;
    }
    url = normaliseUrl(url);
    if (!email) email = (await prompter!.ask(`Email for ${url}: `)).trim();
    if (!password) password = await prompter!.ask('Password: ', { hidden: true });
  } finally {
    prompter?.close();
  }
  if (!email) throw new CliError('an email is required', 2);
  if (!password) throw new CliError('a password is required', 2);

  const client = createApiClient({ baseUrl: url, headers: { 'user-agent': 'liaison-cli' } });
  const me = await client.auth.login({ email, password });
  const tokenName = `cli on ${os.hostname()}`;
  const created = await client.auth.createToken({ name: tokenName });
  writeCredentials(file, {
    url,
    token: created.token,
    tokenId: created.id,
    email: me.user.email,
    savedAt: new Date().toISOString(),
  });
  // Logging in again replaces this machine's token rather than piling them up.
  if (previous?.tokenId && previous.url === url && previous.tokenId !== created.id)
    await client.auth.revokeToken(previous.tokenId).catch(() => {});
  // The API token is what the CLI uses from now on; the password session is no longer needed.
  await client.auth.logout().catch(() => {});

  if (options.json) {
    printJson({ url, user: me.user, token: { id: created.id, name: created.name }, credentialsFile: file });
  } else {
    const roles = me.user.roles.join(', ') || 'no roles';
    print(`Logged in to ${url} as ${me.user.name} <${me.user.email}> (${roles}).`);
    print(`API token "${tokenName}" saved to ${file}.`);
  }
  if (process.env.LIAISON_TOKEN?.trim())
    note('note: LIAISON_TOKEN is set and takes precedence over the saved login while it is.');
}

function safeRead(file: string) {
  try {
    return readCredentials(file);
  } catch {
    return null;
  }
}
