import type { Region, StaffRole, User } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { UserRow } from './users.store.ts';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    name: row.name,
    email: row.email,
    region: row.region as Region | null,
    roles: row.roles as StaffRole[],
    isActive: row.isActive,
  };
}
