import type { ApiToken, CreatedApiToken, StaffRole } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import { type Database, toIso } from '../../db/client.ts';
import { type AuthUser, type Credential, type HistoryActor, systemActor } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { hashPassword, hashToken, newApiToken, newSessionId, verifyPassword } from '../../kernel/secrets.ts';
import type { EndSignIns, UserRow } from '../users/index.ts';
import { createUserRecord, usersDirectory } from '../users/index.ts';
import { type ApiTokenRow, authStore } from './auth.store.ts';
import { createSignInThrottle, defaultSignInLimits, type SignInLimits } from './sign-in-throttle.ts';

export interface Principal {
  user: AuthUser;
  actor: HistoryActor;
  authenticatedBy: 'session' | 'api_token';
  /** The session or token this request signed in with (a password change keeps it). */
  credential: Credential;
}

const toAuthUser = (row: UserRow): AuthUser => ({
  id: row.id,
  name: row.name,
  email: row.email,
  roles: row.roles as StaffRole[],
});

const presentToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  createdAt: toIso(row.createdAt),
  lastUsedAt: toIso(row.lastUsedAt),
  expiresAt: toIso(row.expiresAt),
});

// Spent on unknown e-mails too, so response time does not reveal which accounts exist.
const decoyHash = hashPassword('decoy password for timing');

// What the history keeps of an API token (never its hash).
const tokenSnapshot = (row: ApiTokenRow) => ({
  id: row.id,
  userId: row.userId,
  name: row.name,
  createdAt: toIso(row.createdAt),
  expiresAt: toIso(row.expiresAt),
  revokedAt: toIso(row.revokedAt),
});

export function createAuthService(
  db: Database,
  options: { sessionHours: number; signInLimits?: SignInLimits },
) {
  const throttle = createSignInThrottle(db, options.signInLimits ?? defaultSignInLimits);
  return {
    /** `client` is the caller's address: attempts are throttled per e-mail and per client. */
    async login(
      email: string,
      password: string,
      client: string,
      now: Date,
    ): Promise<{ sessionId: string; user: UserRow; expiresAt: Date }> {
      await throttle.admit(email, client, now);
      const user = await usersDirectory.findByEmail(db, email);
      let valid = false;
      if (user?.passwordHash) valid = await verifyPassword(password, user.passwordHash);
      else await verifyPassword(password, await decoyHash);
      if (!user || !valid || !user.isActive) {
        throw new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
      }
      const sessionId = newSessionId();
      const expiresAt = new Date(now.getTime() + options.sessionHours * 3_600_000);
      await authStore.insertSession(db, {
        tokenHash: hashToken(sessionId),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      await throttle.succeeded(email, client, now);
      return { sessionId, user, expiresAt };
    },

    async logout(sessionId: string): Promise<void> {
      await authStore.deleteSession(db, hashToken(sessionId));
    },

    async principalFromSession(sessionId: string, now: Date): Promise<Principal | null> {
      const found = await authStore.findUserBySession(db, hashToken(sessionId), now);
      if (!found?.user.isActive) return null;
      const { user } = found;
      return {
        user: toAuthUser(user),
        actor: { type: 'user', id: user.id, name: user.name },
        authenticatedBy: 'session',
        credential: { kind: 'session', id: found.sessionId },
      };
    },

    async principalFromToken(token: string, now: Date): Promise<Principal | null> {
      const found = await authStore.findUserByToken(db, hashToken(token), now);
      if (!found?.user.isActive) return null;
      // "Last used" is kept to the minute: most requests need no write at all.
      const lastUsed = found.token.lastUsedAt ? Date.parse(toIso(found.token.lastUsedAt)) : 0;
      if (now.getTime() - lastUsed >= 60_000) await authStore.touchToken(db, found.token.id, now);
      return {
        user: toAuthUser(found.user),
        actor: {
          type: 'api_token',
          id: found.user.id,
          name: `${found.user.name} (token "${found.token.name}")`,
        },
        authenticatedBy: 'api_token',
        credential: { kind: 'api_token', id: found.token.id },
      };
    },
    /**
     * Ends a user's sessions and revokes their API tokens, but `keep` (the credential of a user
     * changing their own password), in the caller's transaction, each in the history. The users
     * feature calls it when a password changes and when a user is deactivated or reactivated.
     */
    endSignIns: (async (executor, author, userId, keep) => {
      const sessions = await authStore.deleteSessionsOf(
        executor,
        userId,
        keep?.kind === 'session' ? keep.id : null,
      );
      const tokens = await authStore.revokeTokensOf(
        executor,
        userId,
        author.now,
        keep?.kind === 'api_token' ? keep.id : null,
      );
      await recordChanges(executor, author, [
        ...sessions.map((session) => ({
          accountId: null,
          entityType: 'session' as const,
          entityId: session.id,
          before: {
            id: session.id,
            userId,
            createdAt: toIso(session.createdAt),
            expiresAt: toIso(session.expiresAt),
          },
          after: null,
        })),
        ...tokens.map((token) => ({
          accountId: null,
          entityType: 'api_token' as const,
          entityId: token.id,
          before: tokenSnapshot({ ...token, revokedAt: null }),
          after: tokenSnapshot(token),
        })),
      ]);
    }) satisfies EndSignIns,

    async createToken(
      userId: string,
      name: string,
      expiresAt: string | null,
      now: Date,
    ): Promise<CreatedApiToken> {
      // A token born expired would only ever answer 401: refuse it while the caller is here.
      if (expiresAt !== null && new Date(expiresAt) <= now) {
        throw new DomainError('VALIDATION_FAILED', 'body.expiresAt: must be in the future', [
          { path: 'body.expiresAt', message: 'must be in the future' },
        ]);
      }
      const token = newApiToken();
      const row = await authStore.insertToken(db, {
        userId,
        name,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        expiresAt,
      });
      return { ...presentToken(row), token };
    },

    async listTokens(userId: string): Promise<ApiToken[]> {
      return (await authStore.listTokens(db, userId)).map(presentToken);
    },

    async revokeToken(userId: string, id: string, now: Date): Promise<void> {
      if (!(await authStore.revokeToken(db, userId, id, now))) {
        throw new DomainError('NOT_FOUND', `API token ${id} does not exist or is already revoked`);
      }
    },

    /**
     * LIAISON_BOOTSTRAP_TOKEN: make sure an admin API token with exactly this value exists, so a
     * fresh installation (or automation) can be driven without a browser.
     */
    async ensureBootstrapToken(token: string, now: Date): Promise<void> {
      const tokenHash = hashToken(token);
      await db.transaction(async (tx) => {
        // Two servers starting together on a new database would both create the admin.
        await authStore.lockBootstrap(tx);
        const existing = await authStore.findTokenByHash(tx, tokenHash);
        if (existing && !existing.revokedAt) return;
        const email = 'admin@liaison.local';
        const admin =
          (await usersDirectory.findByEmail(tx, email)) ??
          (await createUserRecord(
            tx,
            { actor: systemActor, now, requestId: null },
            { name: 'Liaison Admin', email, roles: ['admin'] },
          ));
        if (existing) return; // revoked on purpose: do not resurrect it
        await authStore.insertToken(tx, {
          userId: admin.id,
          name: 'bootstrap',
          tokenHash,
          createdAt: now.toISOString(),
          expiresAt: null,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
