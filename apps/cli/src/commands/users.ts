import { STAFF_ROLE_LABELS, StaffRole } from '@liaison/contracts';
import { Command, InvalidArgumentError } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { EMPTY, formatTable, print, printJson } from '../output.ts';

interface UsersOptions extends ApiOptions {
  role?: StaffRole;
  q?: string;
}

const STAFF_ROLES = StaffRole.options;

function parseRole(value: string): StaffRole {
  const role = value.trim();
  if (!(STAFF_ROLES as readonly string[]).includes(role))
    throw new InvalidArgumentError(`expected one of ${STAFF_ROLES.join(', ')}`);
  return role as StaffRole;
}

/** `liaison users list`: who is on the staff, with the e-mail other commands accept for a person. */
export function usersCommand(): Command {
  const users = new Command('users').description(
    'the staff: list them with their e-mail addresses and roles',
  );
  users.addCommand(
    withConnectionOptions(
      new Command('list')
        .description('every user (filter by role or by a part of the name)')
        .option('--role <role>', STAFF_ROLES.join(', '), parseRole)
        .option('--q <text>', 'a part of the name'),
    ).action(async (options: UsersOptions) => {
      await withSession(options, async ({ client }) => {
        const list = await client.users.list({
          ...(options.role ? { role: options.role } : {}),
          ...(options.q ? { q: options.q } : {}),
        });
        if (options.json) {
          printJson(list);
          return;
        }
        print(
          formatTable(
            [
              { header: 'name', max: 32 },
              { header: 'e-mail', max: 40 },
              { header: 'roles' },
              { header: 'region' },
              { header: 'id' },
            ],
            list.map((user) => [
              `${user.name}${user.isActive ? '' : ' (inactive)'}`,
              user.email,
              user.roles.map((role) => STAFF_ROLE_LABELS[role]).join(', '),
              user.region ?? EMPTY,
              user.id,
            ]),
          ),
        );
      });
    }),
  );
  return users;
}
