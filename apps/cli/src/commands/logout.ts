import { ApiError, createApiClient } from '@liaison/contracts';
import { Command } from 'commander';
import { withJsonOption } from '../api.ts';
import { credentialsPath, deleteCredentials, readCredentials, type SavedCredentials } from '../config.ts';
import { note, print, printJson } from '../output.ts';

export function logoutCommand(): Command {
  return withJsonOption(
    new Command('logout').description('revoke the saved API token on the server and delete the saved login'),
  ).action(logout);
}

async function logout(options: { json?: boolean }): Promise<void> {
  const file = credentialsPath();
  let saved: SavedCredentials | null = null;
  try {
    saved = readCredentials(file);
  } catch {
    // A damaged file is deleted all the same.
  }
  let revoked = false;
  let revokeProblem: string | undefined;
  if (saved?.tokenId) {
    const client = createApiClient({
      baseUrl: saved.url,
      token: saved.token,
      headers: { 'user-agent': 'liaison-cli' },
    });
    try {
      await client.auth.revokeToken(saved.tokenId);
      revoked = true;
    } catch (error) {
      // Already revoked or expired is as good as revoked.
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) revoked = true;
      else revokeProblem = error instanceof Error ? error.message : String(error);
    }
  }
  const deleted = deleteCredentials(file);

  if (options.json) {
    printJson({ loggedOut: deleted, url: saved?.url ?? null, tokenRevoked: revoked, credentialsFile: file });
  } else if (!deleted) {
    print(`Not logged in (no ${file}).`);
  } else {
    print(`Logged out of ${saved?.url ?? 'Liaison'}; deleted ${file}.`);
  }
  if (revokeProblem)
    note(`warning: the API token could not be revoked (${revokeProblem}); it stays valid until revoked.`);
}
