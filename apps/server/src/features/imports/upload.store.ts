import { and, asc, eq, gt, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { imports, importUploads } from '../../db/schema.ts';

/**
 * The stored upload of an import (decoded to UTF-8), in chunks of about a megabyte: written as it
 * arrives, read back by whichever server runs the job (docs/import-export.md#jobs).
 */
export const uploadStore = {
  async append(executor: Executor, importId: string, seq: number, data: Buffer): Promise<void> {
    await executor.insert(importUploads).values({ importId, seq, data });
  },

  /** The chunks in order, one query each: a 500 MB file is never held in memory. */
  async *chunks(executor: Executor, importId: string): AsyncGenerator<Buffer> {
    let after = -1;
    for (;;) {
      const [chunk] = await executor
        .select({ seq: importUploads.seq, data: importUploads.data })
        .from(importUploads)
        .where(and(eq(importUploads.importId, importId), gt(importUploads.seq, after)))
        .orderBy(asc(importUploads.seq))
        .limit(1);
      if (!chunk) return;
      after = chunk.seq;
      yield chunk.data;
    }
  },

  async drop(executor: Executor, importId: string): Promise<void> {
    await executor.delete(importUploads).where(eq(importUploads.importId, importId));
  },

  /** Uploads of imports finished before `before` (kept until then so an admin could rerun them). */
  async dropFinishedBefore(executor: Executor, before: Date): Promise<void> {
    const old = executor
      .select({ id: imports.id })
      .from(imports)
      .where(and(isNotNull(imports.finishedAt), lt(imports.finishedAt, before.toISOString())));
    await executor.delete(importUploads).where(inArray(importUploads.importId, old));
  },
};
