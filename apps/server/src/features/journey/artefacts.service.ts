import type {
  AddArtefactVersionRequest,
  Artefact,
  CreateArtefactRequest,
  SignOffRequest,
} from '@liaison/contracts';
import { DomainError, notFound, type RaciRole } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { type ArtefactRow, artefactsStore } from './artefacts.store.ts';
import { presentArtefact } from './journey.presenter.ts';
import { journeyStore } from './journey.store.ts';
import { openWrite, type PlaybookSource } from './journey-access.ts';
import { recordSignOff } from './journey-sign-off.ts';
import { templateStep } from './step-outputs.ts';
import { finishWrite, type WorkflowWrite } from './workflow-engine.ts';
import { startWorkflow } from './workflow-start.ts';

/** Uploaded files are kept in PostgreSQL; a document larger than this belongs behind a link. */
export const MAX_FILE_BYTES = 3 * 1024 * 1024;
const DEFAULT_SIGNERS: RaciRole[] = ['account_owner', 'sa', 'tam', 'pse', 'customer'];

type Source = {
  url?: string | undefined;
  file?: { name: string; contentType: string; base64: string } | undefined;
};

function decodeSource(input: Source) {
  if ((input.url === undefined) === (input.file === undefined))
    throw new DomainError('VALIDATION_FAILED', 'body: give either a url or a file', [
      {
        path: input.url ? 'body.file' : 'body.url',
        message: 'give either a url or a file, not both or neither',
      },
    ]);
  if (!input.file)
    return { url: input.url ?? null, fileName: null, contentType: null, size: null, content: null };
  const content = Buffer.from(input.file.base64, 'base64');
  if (content.length > MAX_FILE_BYTES)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `body.file: ${content.length} bytes; at most ${MAX_FILE_BYTES} (link larger documents)`,
      [{ path: 'body.file.base64', message: `must decode to at most ${MAX_FILE_BYTES} bytes` }],
    );
  return {
    url: null,
    fileName: input.file.name,
    contentType: input.file.contentType,
    size: content.length,
    content,
  };
}

/** The SA comes back in when Professional Services or a new evaluation starts on a customer. */
async function overlapTrigger(write: WorkflowWrite, kind: string, version: number) {
  const trigger = kind === 'sow' ? 'professional_services' : kind === 'pov_plan' ? 'new_evaluation' : null;
  if (!trigger || write.facts.account.relationshipStage !== 'customer') return;
  if (await journeyStore.findActive(write.tx, write.facts.account.id, 'sa_overlap')) return;
  await startWorkflow(write, { kind: 'sa_overlap', reason: trigger }, version);
}

/** Artefacts: the documents steps produce, their versions and sign-offs (docs/journey.md). */
export function createArtefactsService(db: Database, options: { playbook: PlaybookSource }) {
  async function load(executor: Executor, row: ArtefactRow): Promise<Artefact> {
    const versions = await artefactsStore.listVersions(executor, [row.id]);
    const signOffs = await artefactsStore.listSignOffs(executor, { stepRowIds: [], artefactIds: [row.id] });
    const roles = await signersOf(executor, row);
    return presentArtefact(row, versions, signOffs, roles === DEFAULT_SIGNERS ? [] : roles);
  }

  /** Who signs an artefact: the roles its step asks for, else any of the account team or the customer. */
  async function signersOf(executor: Executor, row: ArtefactRow): Promise<RaciRole[]> {
    if (!row.stepRowId) return DEFAULT_SIGNERS;
    const step = await journeyStore.findStep(executor, row.stepRowId);
    const instance = step ? await journeyStore.findInstance(executor, step.instanceId) : undefined;
    if (!step || !instance) return DEFAULT_SIGNERS;
    const roles = templateStep(instance, step.stepId).signOff;
    return roles.length > 0 ? roles : DEFAULT_SIGNERS;
  }

  async function lockArtefact(tx: Executor, context: RequestContext, id: string) {
    const seen = await artefactsStore.findById(tx, id);
    if (!seen) throw notFound('Artefact', id);
    const write = await openWrite(tx, context, seen.accountId, options.playbook);
    const row = await artefactsStore.lockById(tx, id);
    if (!row) throw notFound('Artefact', id);
    return { write, row };
  }

  async function addVersion(
    write: WorkflowWrite,
    artefactId: string,
    number: number,
    input: Source & { note?: string | undefined },
  ) {
    await artefactsStore.insertVersion(write.tx, {
      artefactId,
      number,
      ...decodeSource(input),
      note: input.note?.trim() || null,
      createdAt: write.context.now.toISOString(),
      createdBy: write.context.user.id,
      createdByName: write.context.actor.name,
    });
  }

  return {
    async get(_context: RequestContext, id: string): Promise<Artefact> {
      const row = await artefactsStore.findById(db, id);
      if (!row) throw notFound('Artefact', id);
      return load(db, row);
    },

    async create(
      context: RequestContext,
      accountId: string,
      input: CreateArtefactRequest,
    ): Promise<Artefact> {
      return db.transaction(async (tx) => {
        const write = await openWrite(tx, context, accountId, options.playbook);
        if (input.stepId) {
          const step = await journeyStore.findStep(tx, input.stepId);
          if (step?.accountId !== accountId)
            throw new DomainError(
              'INVALID_REFERENCE',
              `body.stepId: ${input.stepId} is not a workflow step of this account`,
              [{ path: 'body.stepId', message: 'must be a workflow step of this account' }],
            );
        }
        decodeSource(input);
        const row = await artefactsStore.insert(
          tx,
          { accountId, stepRowId: input.stepId ?? null, title: input.title, kind: input.kind },
          context.now,
        );
        await addVersion(write, row.id, 1, input);
        const presented = await load(tx, row);
        write.history.push({
          accountId,
          entityType: 'artefact',
          entityId: row.id,
          before: null,
          after: presented,
        });
        if (!input.stepId)
          await overlapTrigger(write, input.kind, (await options.playbook.active(tx)).version);
        await finishWrite(write);
        return presented;
      });
    },

    async addVersion(
      context: RequestContext,
      id: string,
      input: AddArtefactVersionRequest,
      version: number,
    ): Promise<Artefact> {
      return db.transaction(async (tx) => {
        const { write, row } = await lockArtefact(tx, context, id);
        checkVersion('Artefact', id, version, row.version);
        decodeSource(input);
        const before = await load(tx, row);
        const bumped = await artefactsStore.bumpVersion(tx, id, context.now);
        await addVersion(write, id, bumped.currentVersion, input);
        const after = await load(tx, bumped);
        write.history.push({ accountId: row.accountId, entityType: 'artefact', entityId: id, before, after });
        await finishWrite(write);
        return after;
      });
    },

    async signOff(context: RequestContext, id: string, input: SignOffRequest): Promise<Artefact> {
      return db.transaction(async (tx) => {
        const { write, row } = await lockArtefact(tx, context, id);
        const step = row.stepRowId ? await journeyStore.findStep(tx, row.stepRowId) : undefined;
        const instance = step ? await journeyStore.findInstance(tx, step.instanceId) : undefined;
        await recordSignOff(
          write,
          instance ?? ({ context: {} } as never),
          { step: step ?? ({ id: '' } as never), artefact: row },
          await signersOf(tx, row),
          input,
        );
        await finishWrite(write);
        return load(tx, row);
      });
    },

    async file(_context: RequestContext, id: string, number: number) {
      const row = await artefactsStore.findById(db, id);
      if (!row) throw notFound('Artefact', id);
      const file = await artefactsStore.findFile(db, id, number);
      if (!file) throw notFound('Artefact version', `${id}/${number}`);
      if (!file.content)
        throw new DomainError('NOT_FOUND', `Version ${number} of artefact ${id} is a link, not a file`);
      return file as { fileName: string; contentType: string; content: Buffer };
    },
  };
}

export type ArtefactsService = ReturnType<typeof createArtefactsService>;
