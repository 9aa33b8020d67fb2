import fs from 'node:fs';
import path from 'node:path';
import { type ApiClient, ApiError, type Workflow } from '@liaison/contracts';
import { ARTEFACT_KINDS, type ArtefactKind, RACI_ROLES, type RaciRole } from '@liaison/domain';
import { Command, InvalidArgumentError } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { CliError, print, printJson } from '../output.ts';
import { isId, parseKind, pickStep, resolveAccount, runningWorkflow } from './journey-targets.ts';

/**
 * `liaison journey attach|sign-off`: a step's document output and its sign-offs, so a step that
 * needs them can be done from the CLI too (docs/journey.md, Artefacts and sign-offs).
 */

interface TargetOptions extends ApiOptions {
  workflow: WorkflowKindOption;
}
type WorkflowKindOption = ReturnType<typeof parseKind>;

interface AttachOptions extends TargetOptions {
  title: string;
  kind: ArtefactKind;
  link?: string;
  file?: string;
  note?: string;
}

interface SignOffOptions extends TargetOptions {
  role: RaciRole;
  contact?: string;
  note?: string;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    const given = value.trim().replaceAll('-', '_');
    if (!(values as readonly string[]).includes(given))
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return given as T;
  };

/** Uploads are sent inline and kept by the server up to 3 MB (docs/journey.md). */
const MAX_FILE_BYTES = 3 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function readUpload(file: string): { name: string; contentType: string; base64: string } {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, 2);
  }
  if (content.length > MAX_FILE_BYTES)
    throw new CliError(
      `${file} is ${content.length} bytes; at most ${MAX_FILE_BYTES}: link larger documents with --link`,
      2,
    );
  const name = path.basename(file);
  const contentType = CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
  return { name, contentType, base64: content.toString('base64') };
}

const withTarget = (command: Command) =>
  withConnectionOptions(
    command
      .argument('<account>', 'the account id, or its name (a part of it that matches one account is enough)')
      .argument('<step>', 'the step id: "9", "15", …')
      .option('--workflow <kind>', 'which running workflow (default: journey)', parseKind, 'journey'),
  );

export function attachCommand(): Command {
  return withTarget(
    new Command('attach').description(
      "attach a document as a step's output: a link (--link) or a file kept by Liaison (--file)",
    ),
  )
    .requiredOption('--title <text>', 'the document’s title')
    .requiredOption('--kind <kind>', ARTEFACT_KINDS.join(', '), oneOf(ARTEFACT_KINDS))
    .option('--link <url>', 'where the document is (http or https)')
    .option('--file <path>', 'a file to upload (at most 3 MB)')
    .option('--note <text>', 'a note on this version')
    .action(attach);
}

export function signOffCommand(): Command {
  return withTarget(new Command('sign-off').description('sign a step off in a role you hold on the account'))
    .requiredOption(
      '--role <role>',
      'the role signing: pse, tam, account_owner, customer, …',
      oneOf(RACI_ROLES),
    )
    .option('--contact <id|name>', 'for the customer role: the contact who signed (id or exact name)')
    .option('--note <text>', 'a note with the sign-off')
    .action(signOff);
}

async function target(client: ApiClient, text: string, stepId: string, kind: WorkflowKindOption) {
  const account = await resolveAccount(client, text);
  const workflow: Workflow = runningWorkflow(await client.journey.get(account.id), kind, text);
  return { account, workflow, step: pickStep(workflow, stepId) };
}

async function attach(text: string, stepId: string, options: AttachOptions): Promise<void> {
  if ((options.link === undefined) === (options.file === undefined))
    throw new CliError('give either --link or --file', 2);
  const file = options.file ? readUpload(options.file) : undefined;
  await withSession(options, async ({ client }) => {
    const { account, step } = await target(client, text, stepId, options.workflow);
    const artefact = await client.journey.artefacts.create(account.id, {
      title: options.title,
      kind: options.kind,
      stepId: step.id,
      ...(options.link ? { url: options.link } : {}),
      ...(file ? { file } : {}),
      ...(options.note ? { note: options.note } : {}),
    });
    if (options.json) printJson(artefact);
    else
      print(
        `Attached "${artefact.title}" (${artefact.kind.replaceAll('_', ' ')}, artefact ${artefact.id}) to step ${step.stepId}.`,
      );
  });
}

async function contactId(client: ApiClient, accountId: string, text: string): Promise<string> {
  if (isId(text)) return text.trim().toLowerCase();
  const contacts = await client.contacts.list(accountId);
  const found = contacts.filter((contact) => contact.name.toLowerCase() === text.trim().toLowerCase());
  if (found.length !== 1)
    throw new CliError(
      found.length === 0
        ? `the account has no contact named "${text}"`
        : `"${text}" names ${found.length} contacts; give the id`,
      found.length === 0 ? 1 : 2,
    );
  return found[0]!.id;
}

async function signOff(text: string, stepId: string, options: SignOffOptions): Promise<void> {
  if (options.role === 'customer' && !options.contact)
    throw new CliError('a customer sign-off names the contact who signed: --contact <id|name>', 2);
  await withSession(options, async ({ client }) => {
    const { account, step } = await target(client, text, stepId, options.workflow);
    const signed = await client.journey.signOffStep(step.id, {
      role: options.role,
      ...(options.contact ? { contactId: await contactId(client, account.id, options.contact) } : {}),
      ...(options.note ? { note: options.note } : {}),
    });
    if (options.json) {
      printJson(signed);
      return;
    }
    const owed = signed.signOff.roles.filter((role) => !signed.signOff.signOffs.some((s) => s.role === role));
    print(
      `Signed off step ${signed.stepId} as ${options.role}; ${owed.length === 0 ? 'every sign-off is in.' : `still owed: ${owed.join(', ')}.`}`,
    );
  });
}

/** The API's error paths in the CLI's words: `body.activityId` is `--activity`, `body.data.x` is `--data x=…`. */
export function withCliHints(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.details.length === 0) return error;
  const hints = new Set<string>();
  for (const detail of error.details) {
    if (detail.path === 'body.activityId') hints.add('--activity <id>');
    else if (detail.path.startsWith('body.data.'))
      hints.add(`--data ${detail.path.slice('body.data.'.length)}=…`);
    else if (detail.path === 'body.skipReason') hints.add('--reason <text>');
    else if (/attach the /.test(detail.message)) hints.add('liaison journey attach');
    else if (/^sign-off missing/.test(detail.message)) hints.add('liaison journey sign-off');
  }
  if (hints.size === 0) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: `${error.message} (with the CLI: ${[...hints].join(', ')})`,
    details: error.details,
    requestId: error.requestId,
  });
}
