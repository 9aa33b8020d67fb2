import {
  type BusinessProfile,
  type Deployment,
  emptyBusinessProfile,
  emptyTechnicalProfile,
  type TechnicalProfile,
} from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { BusinessProfileRow, TechnicalProfileRow } from './profiles.store.ts';

export function presentBusinessProfile(row: BusinessProfileRow): BusinessProfile {
  return {
    version: row.version,
    updatedAt: toIso(row.updatedAt),
    organisationStructure: row.organisationStructure,
    championContactId: row.championContactId,
    economicBuyerContactId: row.economicBuyerContactId,
    decisionMakerContactId: row.decisionMakerContactId,
    mostCompellingFeatures: row.mostCompellingFeatures,
    whyTheyBought: row.whyTheyBought,
    objectives: row.objectives,
    painPoints: row.painPoints,
    desiredBusinessOutcomes: row.desiredBusinessOutcomes,
    successMetrics: row.successMetrics,
  };
}

export function presentTechnicalProfile(row: TechnicalProfileRow): TechnicalProfile {
  return {
    version: row.version,
    updatedAt: toIso(row.updatedAt),
    deployment: row.deployment as Deployment | null,
    productVersion: row.productVersion,
    architecture: row.architecture as TechnicalProfile['architecture'],
    hosting: row.hosting,
    integrations: row.integrations,
    securityCompliance: row.securityCompliance,
    environments: row.environments,
    scaleNotes: row.scaleNotes,
  };
}

/**
 * The profiles of an account nobody has described yet. An import does not write two empty rows
 * (and their history) per account: a missing row reads as these, version 1 as of the account's
 * creation, exactly what the API writes when it creates an account; the first edit stores them.
 */
export const emptyProfiles = (updatedAt: string) => ({
  business: { version: 1, updatedAt: toIso(updatedAt), ...emptyBusinessProfile } satisfies BusinessProfile,
  technical: { version: 1, updatedAt: toIso(updatedAt), ...emptyTechnicalProfile } satisfies TechnicalProfile,
});
