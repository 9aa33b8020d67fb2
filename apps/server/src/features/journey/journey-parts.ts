import { notFound } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import { artefactsStore } from './artefacts.store.ts';
import type { WorkflowParts } from './journey.presenter.ts';
import { journeyStore, type WorkflowInstanceRow } from './journey.store.ts';
import { type JourneyFacts, loadJourneyFacts } from './journey-facts.loader.ts';

/** The account's facts, or 404. */
export async function requireFacts(executor: Executor, accountId: string, at: Date): Promise<JourneyFacts> {
  const facts = await loadJourneyFacts(executor, accountId, at);
  if (!facts) throw notFound('Account', accountId);
  return facts;
}

/** Steps, comments, artefacts with their versions and sign-offs of some workflows of one account. */
export async function loadParts(
  executor: Executor,
  accountId: string,
  instances: readonly WorkflowInstanceRow[],
): Promise<Omit<WorkflowParts, 'instance'>> {
  const steps = await journeyStore.listSteps(
    executor,
    instances.map((instance) => instance.id),
  );
  const stepIds = steps.map((step) => step.id);
  const artefacts = await artefactsStore.listByAccountOrSteps(executor, accountId, stepIds);
  const artefactIds = artefacts.map((artefact) => artefact.id);
  // One after the other: inside a transaction the queries share one connection.
  const comments = await journeyStore.listComments(executor, stepIds);
  const versions = await artefactsStore.listVersions(executor, artefactIds);
  const signOffs = await artefactsStore.listSignOffs(executor, { stepRowIds: stepIds, artefactIds });
  return { steps, comments, artefacts, versions, signOffs };
}
