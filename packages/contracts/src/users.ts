import { z } from 'zod';
import { RecordMeta, ShortText } from './common.ts';
import { Region, StaffRole } from './enums.ts';

export const User = RecordMeta.extend({
  name: z.string(),
  email: z.string(),
  region: Region.nullable(),
  roles: z.array(StaffRole),
  isActive: z.boolean(),
});

export const CreateUserRequest = z.object({
  name: ShortText,
  email: z
    .email()
    .max(254)
    .transform((value) => value.toLowerCase()),
  region: Region.nullable().default(null),
  roles: z.array(StaffRole).min(1).max(9),
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
});

export const UpdateUserRequest = z.object({
  name: ShortText.optional(),
  email: z
    .email()
    .max(254)
    .transform((value) => value.toLowerCase())
    .optional(),
  region: Region.nullable().optional(),
  roles: z.array(StaffRole).min(1).max(9).optional(),
  isActive: z.boolean().optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
  version: z.int().positive().optional(),
});

export const UserListQuery = z.object({
  role: StaffRole.optional(),
  q: z.string().max(200).optional(),
});

export type User = z.infer<typeof User>;
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
