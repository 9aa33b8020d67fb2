import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { describeSource } from '../config.ts';
import { EMPTY, formatFields, humanise, print, printJson } from '../output.ts';

export function whoamiCommand(): Command {
  return withConnectionOptions(
    new Command('whoami').description('show who the CLI is signed in as, on which server'),
  ).action(whoami);
}

async function whoami(options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client, connection }) => {
    const me = await client.auth.me();
    if (options.json) {
      printJson({
        url: connection.url,
        user: me.user,
        authenticatedBy: me.authenticatedBy,
        urlSource: connection.urlSource,
        tokenSource: connection.tokenSource,
      });
      return;
    }
    print(`${me.user.name} <${me.user.email}>`);
    print(
      formatFields(
        [
          ['Roles', me.user.roles.map(humanise).join(', ') || EMPTY],
          ['Region', me.user.region ?? EMPTY],
          ['Server', `${connection.url} (from ${describeSource(connection.urlSource)})`],
          ['Token', `from ${describeSource(connection.tokenSource)}`],
        ],
        '',
      ),
    );
  });
}
