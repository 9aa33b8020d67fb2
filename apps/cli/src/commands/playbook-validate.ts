import type { PlaybookValidationResult } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { CliError, plural, print, printJson } from '../output.ts';
import { readPlaybookFile } from '../playbook-file.ts';

export function playbookValidateCommand(): Command {
  return withConnectionOptions(
    new Command('validate')
      .description(
        "check a playbook file (JSON) against the server's rules; lists every issue and exits 1 when invalid",
      )
      .argument('<file>', 'the playbook as JSON ("-" for stdin), e.g. edited from "liaison playbook show"'),
  ).action(validatePlaybook);
}

async function validatePlaybook(file: string, options: ApiOptions): Promise<void> {
  const candidate = readPlaybookFile(file);
  await withSession(options, async ({ client }) => {
    const result = await client.playbook.validate(candidate);
    if (options.json) printJson(result);
    else print(renderValidation(result));
    if (!result.valid)
      throw new CliError(
        `${file}: the playbook is invalid (${plural(result.issues.length, 'issue')})`,
        1,
        'VALIDATION_FAILED',
        true,
      );
  });
}

/** `valid`, or one `path: message` line per issue. */
export function renderValidation(result: PlaybookValidationResult): string {
  if (result.valid) return 'valid';
  return result.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('\n');
}
