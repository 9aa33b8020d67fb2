import { DomainError, type ErrorDetail } from '@liaison/domain';

/** The configurable vocabularies an account is checked against (see the playbook). */
export interface Catalog {
  plans: readonly string[];
  stages: readonly string[];
}

export function checkCatalog(
  catalog: Catalog,
  input: { plan?: string | undefined; stagesAdopted?: readonly string[] | undefined },
): void {
  const details: ErrorDetail[] = [];
  if (input.plan !== undefined && !catalog.plans.includes(input.plan)) {
    details.push({ path: 'body.plan', message: `must be one of ${catalog.plans.join(', ')}` });
  }
  for (const [index, stage] of (input.stagesAdopted ?? []).entries()) {
    if (!catalog.stages.includes(stage)) {
      details.push({
        path: `body.stagesAdopted.${index}`,
        message: `must be one of ${catalog.stages.join(', ')}`,
      });
    }
  }
  if (details.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid request: ${details.map((detail) => `${detail.path}: ${detail.message}`).join('; ')}`,
      details,
    );
  }
}
