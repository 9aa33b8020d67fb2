import { z } from 'zod';
import { Id, IsoInstant, LongText, TextList } from './common.ts';
import { Deployment } from './enums.ts';

const optionalText = LongText.nullable();

/** The business profile (docs/glossary.md): who decides, why they bought, what success means to them. */
export const BusinessProfileFields = z.object({
  organisationStructure: optionalText,
  championContactId: Id.nullable(),
  economicBuyerContactId: Id.nullable(),
  decisionMakerContactId: Id.nullable(),
  mostCompellingFeatures: TextList,
  whyTheyBought: optionalText,
  objectives: TextList,
  painPoints: TextList,
  desiredBusinessOutcomes: TextList,
  successMetrics: TextList,
});

export const Architecture = z.object({
  users: z.int().min(0).nullable(),
  referenceArchitecture: z.string().max(200).nullable(),
  highAvailability: z.boolean(),
  geo: z.boolean(),
});

/** The technical profile (docs/glossary.md): how and where the product runs at the customer. */
export const TechnicalProfileFields = z.object({
  deployment: Deployment.nullable(),
  productVersion: z.string().max(50).nullable(),
  architecture: Architecture,
  hosting: optionalText,
  integrations: TextList,
  securityCompliance: TextList,
  environments: TextList,
  scaleNotes: optionalText,
});

const profileMeta = z.object({ version: z.int().positive(), updatedAt: IsoInstant });

export const BusinessProfile = BusinessProfileFields.extend(profileMeta.shape);
export const TechnicalProfile = TechnicalProfileFields.extend(profileMeta.shape);

export const UpdateBusinessProfileRequest = BusinessProfileFields.partial().extend({
  version: z.int().positive().optional(),
});
export const UpdateTechnicalProfileRequest = TechnicalProfileFields.extend({
  architecture: Architecture.partial(),
})
  .partial()
  .extend({ version: z.int().positive().optional() });

export const emptyBusinessProfile: z.infer<typeof BusinessProfileFields> = {
  organisationStructure: null,
  championContactId: null,
  economicBuyerContactId: null,
  decisionMakerContactId: null,
  mostCompellingFeatures: [],
  whyTheyBought: null,
  objectives: [],
  painPoints: [],
  desiredBusinessOutcomes: [],
  successMetrics: [],
};

export const emptyTechnicalProfile: z.infer<typeof TechnicalProfileFields> = {
  deployment: null,
  productVersion: null,
  architecture: { users: null, referenceArchitecture: null, highAvailability: false, geo: false },
  hosting: null,
  integrations: [],
  securityCompliance: [],
  environments: [],
  scaleNotes: null,
};

export type BusinessProfile = z.infer<typeof BusinessProfile>;
export type TechnicalProfile = z.infer<typeof TechnicalProfile>;
export type BusinessProfileFields = z.infer<typeof BusinessProfileFields>;
export type TechnicalProfileFields = z.infer<typeof TechnicalProfileFields>;
export type UpdateBusinessProfileRequest = z.infer<typeof UpdateBusinessProfileRequest>;
export type UpdateTechnicalProfileRequest = z.infer<typeof UpdateTechnicalProfileRequest>;
