import type { SignOffRequest } from '@liaison/contracts';
import { DomainError, RACI_ROLE_LABELS, type RaciRole, resolveRole } from '@liaison/domain';
import { referencesStore } from '../../kernel/references.store.ts';
import type { ArtefactRow, SignOffRow } from './artefacts.store.ts';
import { artefactsStore } from './artefacts.store.ts';
import { resolveContextFor } from './journey.presenter.ts';
import type { WorkflowInstanceRow, WorkflowStepRow } from './journey.store.ts';
import type { WorkflowWrite } from './workflow-engine.ts';

/**
 * Records a sign-off in `role`: staff sign in a role they hold on the account now (the SAL/AE,
 * the PSE, the TAM; a TAM manager as such); a customer contact's signature is recorded by staff
 * with the contact named. Nobody signs for a role they do not hold (docs/journey.md, Artefacts
 * and sign-offs).
 */
export async function recordSignOff(
  write: WorkflowWrite,
  instance: WorkflowInstanceRow,
  target: { step: WorkflowStepRow; artefact?: ArtefactRow },
  allowedRoles: readonly RaciRole[],
  input: SignOffRequest,
): Promise<SignOffRow> {
  const { context, facts, tx } = write;
  const role = input.role;
  if (!allowedRoles.includes(role))
    throw new DomainError(
      'VALIDATION_FAILED',
      `body.role: this asks for sign-off from ${allowedRoles.map((r) => RACI_ROLE_LABELS[r]).join(' and ') || 'nobody'}`,
      [{ path: 'body.role', message: `must be one of ${allowedRoles.join(', ') || '(none)'}` }],
    );
  let signer: { userId: string | null; contactId: string | null; name: string };
  if (role === 'customer') {
    if (!input.contactId)
      throw new DomainError('VALIDATION_FAILED', 'body.contactId: name the customer contact who signed', [
        { path: 'body.contactId', message: 'is required for a customer sign-off' },
      ]);
    const contact = await referencesStore.contactOfAccount(tx, facts.account.id, input.contactId);
    if (!contact)
      throw new DomainError(
        'INVALID_REFERENCE',
        `body.contactId: ${input.contactId} is not a contact of this account`,
        [{ path: 'body.contactId', message: 'must be a contact of this account' }],
      );
    signer = { userId: null, contactId: contact.id, name: contact.name };
  } else {
    const holder =
      role === 'tam_manager'
        ? context.user.roles.includes('tam_manager')
          ? { userId: context.user.id, name: context.user.name }
          : null
        : resolveRole(role, resolveContextFor(facts, instance)).person;
    if (holder?.userId !== context.user.id)
      throw new DomainError(
        'FORBIDDEN',
        `Only the ${RACI_ROLE_LABELS[role]} of ${facts.account.name}${holder ? ` (${holder.name})` : ''} can sign off as ${RACI_ROLE_LABELS[role]}.`,
      );
    signer = { userId: context.user.id, contactId: null, name: context.user.name };
  }
  const artefact = target.artefact;
  const existing = await artefactsStore.listSignOffs(tx, {
    stepRowIds: artefact ? [] : [target.step.id],
    artefactIds: artefact ? [artefact.id] : [],
  });
  const already = existing.find(
    (row) =>
      row.role === role &&
      (artefact ? row.artefactVersion === artefact.currentVersion : row.stepRowId === target.step.id),
  );
  if (already)
    throw new DomainError(
      'ALREADY_EXISTS',
      `${already.signerName} already signed off as ${RACI_ROLE_LABELS[role]}.`,
      [{ path: 'body.role', message: 'is already signed off' }],
    );
  const row = await artefactsStore.insertSignOff(tx, {
    accountId: facts.account.id,
    stepRowId: artefact ? null : target.step.id,
    artefactId: artefact?.id ?? null,
    artefactVersion: artefact?.currentVersion ?? null,
    role,
    userId: signer.userId,
    contactId: signer.contactId,
    signerName: signer.name,
    recordedBy: context.user.id,
    recordedByName: context.actor.name,
    signedAt: context.now.toISOString(),
    note: input.note?.trim() || null,
  });
  write.history.push({
    accountId: facts.account.id,
    entityType: 'sign_off',
    entityId: row.id,
    before: null,
    after: { ...row, signedAt: context.now.toISOString() },
  });
  return row;
}
