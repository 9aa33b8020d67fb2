import type { PlaybookDocument } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { EMPTY, formatFields, formatInstant, note, print, printJson } from '../output.ts';

interface ShowOptions extends ApiOptions {
  versionOnly?: boolean;
}

export function playbookShowCommand(): Command {
  return withConnectionOptions(
    new Command('show')
      .description(
        'print the playbook in force as JSON (ready to edit and apply), its version on stderr; --version-only: just the version',
      )
      .option('--version-only', 'only the version, when and by whom it was applied, and its note'),
  ).action(showPlaybook);
}

async function showPlaybook(options: ShowOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const document = await client.playbook.get();
    if (options.json) {
      printJson(document);
      return;
    }
    if (options.versionOnly) {
      print(renderPlaybookVersion(document));
      return;
    }
    printJson(document.playbook);
    note(`playbook ${describeVersion(document)}`);
  });
}

/** What the version lines read of a playbook document (not the playbook itself). */
type VersionFields = Pick<PlaybookDocument, 'version' | 'createdAt' | 'createdBy' | 'note'>;

/** `version 3, applied 2026-03-05 09:00 UTC by Ada Lovelace: "raise tier 1"`; version 0 is the handbook defaults. */
export function describeVersion(document: VersionFields): string {
  if (document.version === 0) return 'version 0 (the built-in handbook defaults)';
  const by = document.createdBy ? ` by ${document.createdBy}` : '';
  const why = document.note ? `: "${document.note}"` : '';
  return `version ${document.version}, applied ${formatInstant(document.createdAt)}${by}${why}`;
}

export function renderPlaybookVersion(document: VersionFields): string {
  return formatFields(
    [
      ['Version', document.version === 0 ? '0 (the built-in handbook defaults)' : String(document.version)],
      ['Applied', formatInstant(document.createdAt)],
      ['By', document.createdBy ?? EMPTY],
      ['Note', document.note ?? EMPTY],
    ],
    '',
  );
}
