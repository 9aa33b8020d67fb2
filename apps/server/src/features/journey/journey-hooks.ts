import {
  DomainError,
  gateProblems,
  isTamEligible,
  type OpportunityStage,
  stageRank,
  type WorkflowEvent,
} from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { artefactsStore } from './artefacts.store.ts';
import { journeyStore, type WorkflowInstanceRow } from './journey.store.ts';
import type { PlaybookSource } from './journey-access.ts';
import { requireFacts } from './journey-parts.ts';
import { outputPresent, templateOf } from './step-outputs.ts';
import { advance, beginWrite, changeInstance, finishWrite, type WorkflowWrite } from './workflow-engine.ts';
import { startWorkflow } from './workflow-start.ts';

export interface OpportunityChange {
  type: string;
  stage: OpportunityStage;
}

/** Refuses or records a stage move past required outputs (docs/journey.md, Gates). */
async function passGate(
  write: WorkflowWrite,
  journey: WorkflowInstanceRow,
  target: OpportunityStage,
  reason: string | undefined,
) {
  const steps = await journeyStore.listSteps(write.tx, [journey.id]);
  const artefacts = await artefactsStore.listByAccountOrSteps(
    write.tx,
    journey.accountId,
    steps.map((s) => s.id),
  );
  const signOffs = await artefactsStore.listSignOffs(write.tx, {
    stepRowIds: steps.map((s) => s.id),
    artefactIds: artefacts.map((a) => a.id),
  });
  const template = templateOf(journey);
  const problems = gateProblems(
    template,
    steps.map((row) => {
      const step = template.steps.find((candidate) => candidate.id === row.stepId)!;
      return {
        stepId: row.stepId,
        state: row.state as never,
        outputPresent: outputPresent(step, row, artefacts, signOffs),
      };
    }),
    target,
  );
  if (problems.length === 0) return journey;
  const blocking = write.playbook.journey.gates === 'block';
  if (blocking || !reason) {
    const list = problems.map((p) => `step ${p.stepId} (${p.output})`).join('; ');
    throw new DomainError(
      'GATE_BLOCKED',
      blocking
        ? `The journey blocks moving to ${target}: required outputs are missing — ${list}. Produce them or skip their steps with a reason.`
        : `Moving to ${target} leaves required outputs behind — ${list}. Produce them, or give a gateReason to move on anyway.`,
      problems.map((p) => ({
        path: blocking ? 'body.stage' : 'body.gateReason',
        message: `step ${p.stepId}: ${p.output} is missing`,
      })),
    );
  }
  return changeInstance(write, journey, {
    gateOverrides: [
      ...(journey.gateOverrides as object[]),
      {
        stage: target,
        reason,
        steps: problems.map((p) => p.stepId),
        at: write.context.now.toISOString(),
        by: write.context.actor.name,
      },
    ],
  });
}

async function startIfIdle(
  write: WorkflowWrite,
  kind: 'sa_tam_handoff' | 'welcome_call' | 'sa_overlap',
  version: number,
  reason?: string,
) {
  if (await journeyStore.findActive(write.tx, write.facts.account.id, kind)) return;
  await startWorkflow(write, { kind, ...(reason ? { reason: reason as never } : {}) }, version);
}

/**
 * What an opportunity's write does to the journey, inside that write (the account is locked):
 * the gate, the steps its stage starts, closed-won's workflows, and the SA/TAM overlap triggers
 * of a licence expansion or a new evaluation (docs/journey.md, Closed-won, SA/TAM overlap).
 */
export function createJourneyHooks(playbook: PlaybookSource) {
  return {
    async onOpportunityWritten(
      tx: Executor,
      context: RequestContext,
      accountId: string,
      before: OpportunityChange | null,
      after: OpportunityChange | null,
      reason: string | undefined,
    ): Promise<void> {
      if (!after) return;
      const moved = after.stage !== before?.stage;
      const newBusiness = after.type === 'new_business' && moved;
      const expansion = before === null && (after.type === 'growth' || after.type === 'tier_upgrade');
      if (!newBusiness && !expansion) return;
      const { playbook: document, version } = await playbook.active(tx);
      const facts = await requireFacts(tx, accountId, context.now);
      const write = beginWrite(tx, context, facts, document);
      if (newBusiness) {
        let journey = await journeyStore.findActive(tx, accountId, 'journey');
        const forward = stageRank(after.stage) > (before ? stageRank(before.stage) : -1);
        if (journey && forward) journey = await passGate(write, journey, after.stage, reason);
        if (
          journey &&
          stageRank(after.stage) >
            (journey.furthestStage ? stageRank(journey.furthestStage as OpportunityStage) : -1)
        ) {
          const events = journey.events as WorkflowEvent[];
          journey = await changeInstance(write, journey, {
            furthestStage: after.stage,
            events:
              after.stage === 'closed_won' && !events.includes('closed_won')
                ? [...events, 'closed_won']
                : events,
          });
          await advance(write, journey, await journeyStore.listSteps(tx, [journey.id]));
        }
        if (after.stage === 'closed_won' && before?.stage !== 'closed_won') {
          await startIfIdle(write, 'welcome_call', version);
          if (isTamEligible(facts.account, document)) await startIfIdle(write, 'sa_tam_handoff', version);
        }
      }
      if (expansion && facts.account.relationshipStage === 'customer')
        await startIfIdle(
          write,
          'sa_overlap',
          version,
          after.type === 'growth' ? 'licence_expansion' : 'new_evaluation',
        );
      await finishWrite(write);
    },
  };
}

export type JourneyHooks = ReturnType<typeof createJourneyHooks>;
