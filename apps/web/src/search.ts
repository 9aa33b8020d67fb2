import { AccountSort, Region, RelationshipStage, Segment } from '@liaison/contracts';

/** The accounts list view as URL search params: a shared link opens the same view. */
export interface AccountSearch {
  q?: string;
  segment?: Segment;
  region?: Region;
  relationshipStage?: RelationshipStage;
  teamMember?: string;
  /** A user id, or `none` for accounts with no TAM. */
  tam?: string;
  tier?: string;
  priority?: 'pr1' | 'pr2' | 'pr3' | 'pr4';
  health?: 'green' | 'yellow' | 'red';
  sort?: AccountSort;
}

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

export function parseAccountSearch(search: Record<string, unknown>): AccountSearch {
  const result: AccountSearch = {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  const q = text(search.q);
  if (q) result.q = q;
  const segment = pick(Segment.options, search.segment);
  if (segment) result.segment = segment;
  const region = pick(Region.options, search.region);
  if (region) result.region = region;
  const stage = pick(RelationshipStage.options, search.relationshipStage);
  if (stage) result.relationshipStage = stage;
  const teamMember = text(search.teamMember);
  if (teamMember && /^[0-9a-f-]{36}$/i.test(teamMember)) result.teamMember = teamMember;
  const tam = text(search.tam);
  if (tam && (tam === 'none' || /^[0-9a-f-]{36}$/i.test(tam))) result.tam = tam;
  const tier = text(search.tier);
  if (tier && /^[a-z][a-z0-9_]{0,39}$/.test(tier)) result.tier = tier;
  const priority = pick(['pr1', 'pr2', 'pr3', 'pr4'] as const, search.priority);
  if (priority) result.priority = priority;
  const health = pick(['green', 'yellow', 'red'] as const, search.health);
  if (health) result.health = health;
  const sort = pick(AccountSort.options, search.sort);
  if (sort && sort !== 'name') result.sort = sort;
  return result;
}
