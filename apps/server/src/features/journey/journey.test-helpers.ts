import type { Workflow, WorkflowStep } from '@liaison/contracts';
import type { Client } from '../../../test/factories.ts';

/** Shared by the journey API tests: a step by template id, a 2xx or a thrown error, a step PATCH. */
export const step = (workflow: Workflow, id: string): WorkflowStep => {
  const found = workflow.steps.find((candidate) => candidate.stepId === id);
  if (!found) throw new Error(`no step ${id} in ${workflow.kind}`);
  return found;
};

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
export async function ok<T = any>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function act(
  client: Client,
  workflow: Workflow,
  id: string,
  body: Record<string, unknown>,
): Promise<Workflow> {
  const row = step(workflow, id);
  return ok(
    `${workflow.kind} ${id}`,
    client.patch(`/api/v1/workflow-steps/${row.id}`, { ...body, version: row.version }),
  );
}
