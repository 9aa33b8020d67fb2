import type { Account, AccountSummary, CreateAccountRequest, UpdateAccountRequest } from '@liaison/contracts';
import { DomainError, defaultPlaybook, notFound, type Playbook } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import {
  type AccountChangedHook,
  abilitiesOnAccount,
  noAccountHook,
  requireAccount,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import { type Catalog, checkCatalog } from '../../kernel/catalog.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { createEmptyProfiles } from '../profiles/index.ts';
import { assignInTransaction } from '../team/index.ts';
import { loadAccountDetail } from './account-detail.read-model.ts';
import { presentAccountSummary } from './accounts.presenter.ts';
import { type AccountValues, accountsStore } from './accounts.store.ts';

const invalidReference = (path: string, message: string) =>
  new DomainError('INVALID_REFERENCE', `${path}: ${message}`, [{ path, message }]);

async function checkParent(
  executor: Executor,
  accountId: string | null,
  parentId: string | null | undefined,
) {
  if (!parentId) return;
  if (parentId === accountId)
    throw invalidReference('body.parentAccountId', 'an account cannot be its own parent');
  const parent = await accountsStore.findById(executor, parentId);
  if (!parent) throw invalidReference('body.parentAccountId', `account ${parentId} does not exist`);
  if (accountId && (await accountsStore.ancestorIds(executor, parentId)).includes(accountId)) {
    throw invalidReference('body.parentAccountId', 'would make the hierarchy circular');
  }
}

/** Setting a sentiment stamps its date unless the caller gives one (docs/glossary.md, TAM sentiment). */
function stampSentiment(input: AccountValues, previous: AccountSummary | null, now: Date): AccountValues {
  const sentimentChanged = input.sentiment !== undefined && input.sentiment !== (previous?.sentiment ?? null);
  if (sentimentChanged && input.sentimentSetAt === undefined) {
    return { ...input, sentimentSetAt: input.sentiment === null ? null : now.toISOString() };
  }
  return input;
}

/** The team role a creator takes on a new account (sales roles; TAMs are assigned by managers). */
const CREATOR_ROLES = ['sal', 'ae', 'sdr', 'sa'] as const;

export function createAccountsService(
  db: Database,
  options: { catalog: () => Catalog; onAccountChanged?: AccountChangedHook; playbook?: () => Playbook },
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  // The same playbook the exception decisions are checked against (composition.ts).
  const playbook = options.playbook ?? (() => defaultPlaybook);
  const abilities = (context: RequestContext, id: string) =>
    abilitiesOnAccount(db, context, id, playbook().priority.exceptionApproverRoles);
  return {
    async get(context: RequestContext, id: string): Promise<Account> {
      const account = await loadAccountDetail(db, id, context.now);
      if (!account) throw notFound('Account', id);
      return { ...account, can: await abilities(context, id) };
    },

    /** The caller's abilities on the living account, for a record shown as it was (`asOf`). */
    async abilities(context: RequestContext, id: string) {
      await requireAccount(db, id);
      return abilities(context, id);
    },

    async create(context: RequestContext, input: CreateAccountRequest): Promise<Account> {
      authorize(policies.createAccount(context.user), 'Viewers cannot create accounts.');
      checkCatalog(options.catalog(), input);
      const id = await db.transaction(async (tx) => {
        await checkParent(tx, null, input.parentAccountId);
        const values = stampSentiment(
          { plan: options.catalog().plans[0] ?? 'free', relationshipStage: 'lead', ...input },
          null,
          context.now,
        );
        const row = await accountsStore.insert(
          tx,
          values as Parameters<typeof accountsStore.insert>[1],
          context.now,
        );
        await recordChanges(tx, context, [
          {
            accountId: row.id,
            entityType: 'account',
            entityId: row.id,
            before: null,
            after: presentAccountSummary(row),
          },
        ]);
        await createEmptyProfiles(tx, context, row.id);
        // Whoever creates an account in a team role is on its team in that role, so the AE who
        // enters a lead can work its journey at once (docs/journey.md, Who is responsible).
        const role = CREATOR_ROLES.find((candidate) => context.user.roles.includes(candidate));
        if (role) await assignInTransaction(tx, context, row.id, { userId: context.user.id, role });
        await onAccountChanged(tx, [row.id], context.now);
        return row.id;
      });
      return this.get(context, id);
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateAccountRequest,
      version: number,
    ): Promise<Account> {
      const { version: _ignored, ...changes } = input;
      checkCatalog(options.catalog(), changes);
      await db.transaction(async (tx) => {
        const current = await requireEditableAccount(tx, context, id);
        checkVersion('Account', id, version, current.version);
        if (changes.parentAccountId !== undefined) await checkParent(tx, id, changes.parentAccountId);
        const before = presentAccountSummary(current);
        const updated = await accountsStore.update(
          tx,
          id,
          stampSentiment(changes, before, context.now),
          context.now,
        );
        await recordChanges(tx, context, [
          {
            accountId: id,
            entityType: 'account',
            entityId: id,
            before,
            after: presentAccountSummary(updated),
          },
        ]);
        await onAccountChanged(tx, [id], context.now);
      });
      return this.get(context, id);
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      authorize(policies.deleteAccount(context.user), 'Only TAM managers and admins can delete accounts.');
      await db.transaction(async (tx) => {
        const current = await accountsStore.lockById(tx, id);
        if (!current) throw notFound('Account', id);
        checkVersion('Account', id, version, current.version);
        const detail = await loadAccountDetail(tx, id, context.now);
        // Children lose their parent: done here, not by the foreign key, so the history shows it.
        for (const child of await accountsStore.listChildren(tx, id)) {
          const orphaned = await accountsStore.update(tx, child.id, { parentAccountId: null }, context.now);
          await recordChanges(tx, context, [
            {
              accountId: child.id,
              entityType: 'account',
              entityId: child.id,
              before: presentAccountSummary(child),
              after: presentAccountSummary(orphaned),
            },
          ]);
        }
        await accountsStore.delete(tx, id);
        // The history keeps the account's last state; its owned records go with it.
        await recordChanges(tx, context, [
          {
            accountId: id,
            entityType: 'account',
            entityId: id,
            before: presentAccountSummary(current),
            after: null,
          },
          ...(detail?.contacts ?? []).map((contact) => ({
            accountId: id,
            entityType: 'contact' as const,
            entityId: contact.id,
            before: contact,
            after: null,
          })),
        ]);
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
