import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { CliError, note, print, printJson } from '../output.ts';
import { readPlaybookFile } from '../playbook-file.ts';
import { createPrompter } from '../prompt.ts';
import { dryRunSummary } from './playbook-dry-run.ts';

interface ApplyOptions extends ApiOptions {
  note?: string;
  yes?: boolean;
}

export function playbookApplyCommand(): Command {
  return withConnectionOptions(
    new Command('apply')
      .description(
        'apply a playbook file as a new version (admins); asks for confirmation after a dry-run unless --yes',
      )
      .argument('<file>', 'the playbook as JSON ("-" for stdin, with --yes)')
      .option('--note <text>', 'why this version, kept in the version history')
      .option('--yes', 'apply without asking (required when stdin is not a terminal)'),
  ).action(applyPlaybook);
}

async function applyPlaybook(file: string, options: ApplyOptions): Promise<void> {
  if (!options.yes && !process.stdin.isTTY)
    throw new CliError('not a terminal, so nobody can confirm: add --yes to apply without asking', 2);
  const candidate = readPlaybookFile(file);
  await withSession(options, async ({ client }) => {
    // The version we read goes with the change: if someone applied another one since, the server refuses (409).
    const current = await client.playbook.get();
    if (!options.yes) {
      const preview = await client.playbook.dryRun(candidate);
      note(`${dryRunSummary(preview)} "liaison playbook dry-run ${file}" lists them.`);
      const prompter = createPrompter();
      let answer: string;
      try {
        answer = await prompter.ask(
          `Apply ${file} as playbook version ${current.version + 1} (replacing version ${current.version})? [y/N] `,
        );
      } finally {
        prompter.close();
      }
      if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('not applied: the playbook is unchanged');
    }
    const applied = await client.playbook.apply({
      playbook: candidate,
      note: options.note?.trim() || null,
      version: current.version,
    });
    if (options.json) {
      printJson(applied);
      return;
    }
    print(`Applied playbook version ${applied.version} (was version ${current.version}).`);
    note('Assessments are refreshed in the background; reads refresh what they need.');
  });
}
