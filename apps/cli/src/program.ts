import { Command } from 'commander';
import { accountsHistoryCommand } from './commands/accounts-history.ts';
import { accountsListCommand } from './commands/accounts-list.ts';
import { accountsShowCommand } from './commands/accounts-show.ts';
import { assessCommand } from './commands/assess.ts';
import { calendarCommand } from './commands/calendar.ts';
import { customerUsersCommand } from './commands/customer-users.ts';
import { exportCommand } from './commands/export.ts';
import { disengageCommand, handoffCommand } from './commands/handoff.ts';
import { importCommand } from './commands/import.ts';
import { issuesCommand } from './commands/issues.ts';
import { journeyCommand } from './commands/journey.ts';
import { loginCommand } from './commands/login.ts';
import { logoutCommand } from './commands/logout.ts';
import { playbookApplyCommand } from './commands/playbook-apply.ts';
import { playbookDryRunCommand } from './commands/playbook-dry-run.ts';
import { playbookShowCommand } from './commands/playbook-show.ts';
import { playbookValidateCommand } from './commands/playbook-validate.ts';
import { portfolioCommand } from './commands/portfolio.ts';
import { projectsCommand } from './commands/projects.ts';
import { serveCommand } from './commands/serve.ts';
import { tasksCommand } from './commands/tasks.ts';
import { teamCommand } from './commands/team.ts';
import { usersCommand } from './commands/users.ts';
import { whoamiCommand } from './commands/whoami.ts';
import { worklistCommand } from './commands/worklist.ts';

export function buildProgram(): Command {
  const program = new Command('liaison')
    .description('Liaison: the customer record with its full history. Runs the server and talks to its API.')
    .version('0.1.0', '-V, --version')
    .addHelpText(
      'after',
      `
Connection: --url / --token, else LIAISON_URL / LIAISON_TOKEN, else the login saved by
"liaison login", else http://localhost:3000. Every command accepts --json.
Exit codes: 0 success, 1 failure (the API refused or could not be reached), 2 usage or configuration.`,
    );

  program.addCommand(serveCommand());
  program.addCommand(loginCommand());
  program.addCommand(logoutCommand());
  program.addCommand(whoamiCommand());

  const accounts = new Command('accounts').description(
    'customer accounts: list, show (as of any instant), history',
  );
  accounts.addCommand(accountsListCommand());
  accounts.addCommand(accountsShowCommand());
  accounts.addCommand(accountsHistoryCommand());
  program.addCommand(accounts);

  program.addCommand(importCommand());
  program.addCommand(exportCommand());
  program.addCommand(assessCommand());
  program.addCommand(portfolioCommand());
  program.addCommand(worklistCommand());
  program.addCommand(tasksCommand());
  program.addCommand(calendarCommand());
  program.addCommand(usersCommand());
  program.addCommand(teamCommand());
  program.addCommand(journeyCommand());
  program.addCommand(handoffCommand());
  program.addCommand(disengageCommand());
  program.addCommand(projectsCommand());
  program.addCommand(issuesCommand());
  program.addCommand(customerUsersCommand());

  const playbook = new Command('playbook').description(
    'the rules every account is assessed by: show, validate, dry-run and apply a new version',
  );
  playbook.addCommand(playbookShowCommand());
  playbook.addCommand(playbookValidateCommand());
  playbook.addCommand(playbookDryRunCommand());
  playbook.addCommand(playbookApplyCommand());
  program.addCommand(playbook);

  return program;
}
