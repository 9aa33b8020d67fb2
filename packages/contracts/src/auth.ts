import { z } from 'zod';
import { UserAbilities } from './abilities.ts';
import { Id, IsoInstant, ShortText } from './common.ts';
import { User } from './users.ts';

export const LoginRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  user: User,
  authenticatedBy: z.enum(['session', 'api_token']),
  can: UserAbilities,
});

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoInstant,
  lastUsedAt: IsoInstant.nullable(),
  expiresAt: IsoInstant.nullable(),
});

export const CreateApiTokenRequest = z.object({
  name: ShortText,
  expiresAt: IsoInstant.nullable().default(null),
});

/** The token's secret is in `token`, shown this once; only its hash is stored. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

export type LoginRequest = z.infer<typeof LoginRequest>;
export type Me = z.infer<typeof Me>;
export type ApiToken = z.infer<typeof ApiToken>;
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
