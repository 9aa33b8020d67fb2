import { and, asc, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { artefacts, artefactVersions, signOffs } from '../../db/schema.ts';

export type ArtefactRow = typeof artefacts.$inferSelect;
export type SignOffRow = typeof signOffs.$inferSelect;
const { content: _content, ...versionColumns } = getTableColumns(artefactVersions);
export type ArtefactVersionRow = Omit<typeof artefactVersions.$inferSelect, 'content'>;

export const artefactsStore = {
  async insert(
    executor: Executor,
    values: { accountId: string; stepRowId: string | null; title: string; kind: string },
    now: Date,
  ): Promise<ArtefactRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(artefacts)
      .values({ ...values, currentVersion: 1, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findById(executor: Executor, id: string): Promise<ArtefactRow | undefined> {
    const [row] = await executor.select().from(artefacts).where(eq(artefacts.id, id));
    return row;
  },

  async lockById(executor: Executor, id: string): Promise<ArtefactRow | undefined> {
    const [row] = await executor.select().from(artefacts).where(eq(artefacts.id, id)).for('update');
    return row;
  },

  async bumpVersion(executor: Executor, id: string, now: Date): Promise<ArtefactRow> {
    const [row] = await executor
      .update(artefacts)
      .set({
        currentVersion: sql`${artefacts.currentVersion} + 1`,
        version: sql`${artefacts.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(eq(artefacts.id, id))
      .returning();
    return row!;
  },

  async listByAccountOrSteps(
    executor: Executor,
    accountId: string,
    stepRowIds: readonly string[],
  ): Promise<ArtefactRow[]> {
    return executor
      .select()
      .from(artefacts)
      .where(
        stepRowIds.length > 0
          ? or(eq(artefacts.accountId, accountId), inArray(artefacts.stepRowId, [...stepRowIds]))
          : eq(artefacts.accountId, accountId),
      )
      .orderBy(asc(artefacts.createdAt), asc(artefacts.id));
  },

  async insertVersion(
    executor: Executor,
    values: Omit<typeof artefactVersions.$inferInsert, 'id'>,
  ): Promise<void> {
    await executor.insert(artefactVersions).values(values);
  },

  /** Versions without their bytes, newest first. */
  async listVersions(executor: Executor, artefactIds: readonly string[]): Promise<ArtefactVersionRow[]> {
    if (artefactIds.length === 0) return [];
    return executor
      .select(versionColumns)
      .from(artefactVersions)
      .where(inArray(artefactVersions.artefactId, [...artefactIds]))
      .orderBy(asc(artefactVersions.artefactId), desc(artefactVersions.number));
  },

  async findFile(
    executor: Executor,
    artefactId: string,
    number: number,
  ): Promise<{ fileName: string | null; contentType: string | null; content: Buffer | null } | undefined> {
    const [row] = await executor
      .select({
        fileName: artefactVersions.fileName,
        contentType: artefactVersions.contentType,
        content: artefactVersions.content,
      })
      .from(artefactVersions)
      .where(and(eq(artefactVersions.artefactId, artefactId), eq(artefactVersions.number, number)));
    return row;
  },

  async insertSignOff(
    executor: Executor,
    values: Omit<typeof signOffs.$inferInsert, 'id'>,
  ): Promise<SignOffRow> {
    const [row] = await executor.insert(signOffs).values(values).returning();
    return row!;
  },

  async listSignOffs(
    executor: Executor,
    where: { stepRowIds: readonly string[]; artefactIds: readonly string[] },
  ): Promise<SignOffRow[]> {
    const conditions = [
      where.stepRowIds.length > 0 ? inArray(signOffs.stepRowId, [...where.stepRowIds]) : undefined,
      where.artefactIds.length > 0 ? inArray(signOffs.artefactId, [...where.artefactIds]) : undefined,
    ].filter((condition) => condition !== undefined);
    if (conditions.length === 0) return [];
    return executor
      .select()
      .from(signOffs)
      .where(or(...conditions))
      .orderBy(asc(signOffs.signedAt), asc(signOffs.id));
  },
};
