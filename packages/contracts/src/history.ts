import { z } from 'zod';
import { Id, IsoInstant, PageQuery } from './common.ts';
import { ActorType, HistoryOperation } from './enums.ts';

export const Actor = z.object({
  type: ActorType,
  id: z.string().nullable().describe('User id for user and api_token actors; import id for imports.'),
  name: z.string(),
});

export const FieldChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const HistoryEntry = z.object({
  id: z.string(),
  at: IsoInstant,
  actor: Actor,
  entityType: z.string(),
  entityId: Id,
  operation: HistoryOperation,
  changes: z.array(FieldChange),
});

export const HistoryQuery = PageQuery.extend({
  entityType: z.string().max(50).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
});

export const DiffQuery = z.object({ from: IsoInstant, to: IsoInstant });

export const EntityDiff = z.object({
  entityType: z.string(),
  entityId: Id,
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  changes: z.array(FieldChange),
});

export const AccountDiff = z.object({
  from: IsoInstant,
  to: IsoInstant,
  entities: z.array(EntityDiff),
});

export type Actor = z.infer<typeof Actor>;
export type FieldChange = z.infer<typeof FieldChange>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type AccountDiff = z.infer<typeof AccountDiff>;
export type EntityDiff = z.infer<typeof EntityDiff>;
