import {
  type Account,
  emptyBusinessProfile,
  emptyTechnicalProfile,
  type UpdateBusinessProfileRequest,
  type UpdateTechnicalProfileRequest,
} from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import {
  type AccountChangedHook,
  noAccountHook,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { presentBusinessProfile, presentTechnicalProfile } from './profiles.presenter.ts';
import { profilesStore } from './profiles.store.ts';

const contactLinks = ['championContactId', 'economicBuyerContactId', 'decisionMakerContactId'] as const;

/**
 * Champion, economic buyer and decision maker must be contacts of this very account: the business
 * profile links to the account's own contacts (docs/glossary.md, Business profile).
 */
async function checkContactLinks(executor: Executor, accountId: string, input: UpdateBusinessProfileRequest) {
  const ids = contactLinks.map((field) => input[field]).filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return;
  const known = await referencesStore.contactIdsOfAccount(executor, accountId, ids);
  const details = contactLinks
    .filter((field) => typeof input[field] === 'string' && !known.has(input[field] as string))
    .map((field) => ({ path: `body.${field}`, message: 'must be a contact of this account' }));
  if (details.length > 0) {
    throw new DomainError(
      'INVALID_REFERENCE',
      details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
    );
  }
}

/**
 * A deleted contact is no longer anyone's champion, economic buyer or decision maker: clears
 * the business profile's links to it, in the deleting transaction, with its own history entry.
 */
export async function clearContactLinks(
  executor: Executor,
  context: RequestContext,
  accountId: string,
  contactId: string,
): Promise<void> {
  const current = await profilesStore.findBusiness(executor, accountId, true);
  // A profile never edited is not stored yet (it reads as empty): nothing links to the contact.
  if (!current) return;
  const cleared = Object.fromEntries(
    contactLinks.filter((field) => current[field] === contactId).map((field) => [field, null]),
  );
  if (Object.keys(cleared).length === 0) return;
  const updated = await profilesStore.updateBusiness(executor, accountId, cleared, context.now);
  await recordChanges(executor, context, [
    {
      accountId,
      entityType: 'business_profile',
      entityId: accountId,
      before: presentBusinessProfile(current),
      after: presentBusinessProfile(updated),
    },
  ]);
}

/**
 * A new account's profiles, empty, with their history entries: the accounts feature calls this
 * in the transaction that creates the account (the profiles' one write path).
 */
export async function createEmptyProfiles(
  executor: Executor,
  context: RequestContext,
  accountId: string,
): Promise<void> {
  const profiles = await profilesStore.insertEmpty(executor, accountId, context.now);
  await recordChanges(executor, context, [
    {
      accountId,
      entityType: 'business_profile',
      entityId: accountId,
      before: null,
      after: { ...emptyBusinessProfile, ...presentBusinessProfile(profiles.business) },
    },
    {
      accountId,
      entityType: 'technical_profile',
      entityId: accountId,
      before: null,
      after: { ...emptyTechnicalProfile, ...presentTechnicalProfile(profiles.technical) },
    },
  ]);
}

export function createProfilesService(db: Database, options: { onAccountChanged?: AccountChangedHook } = {}) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    async updateBusiness(
      context: RequestContext,
      accountId: string,
      input: UpdateBusinessProfileRequest,
      version: number,
    ): Promise<Account['businessProfile']> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        await profilesStore.ensure(tx, accountId);
        const current = (await profilesStore.findBusiness(tx, accountId, true))!;
        checkVersion('Business profile of account', accountId, version, current.version);
        await checkContactLinks(tx, accountId, changes);
        const updated = await profilesStore.updateBusiness(tx, accountId, changes, context.now);
        const after = presentBusinessProfile(updated);
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'business_profile',
            entityId: accountId,
            before: presentBusinessProfile(current),
            after,
          },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return after;
      });
    },

    async updateTechnical(
      context: RequestContext,
      accountId: string,
      input: UpdateTechnicalProfileRequest,
      version: number,
    ): Promise<Account['technicalProfile']> {
      const { version: _ignored, architecture, ...changes } = input;
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        await profilesStore.ensure(tx, accountId);
        const current = (await profilesStore.findTechnical(tx, accountId, true))!;
        checkVersion('Technical profile of account', accountId, version, current.version);
        const before = presentTechnicalProfile(current);
        const merged = architecture ? { ...before.architecture, ...architecture } : undefined;
        const updated = await profilesStore.updateTechnical(
          tx,
          accountId,
          { ...changes, ...(merged ? { architecture: merged } : {}) },
          context.now,
        );
        const after = presentTechnicalProfile(updated);
        await recordChanges(tx, context, [
          { accountId, entityType: 'technical_profile', entityId: accountId, before, after },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return after;
      });
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
