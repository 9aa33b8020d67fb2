import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { poolAdapter } from './job-queue.sql.ts';

describe('the job queue on an ended pool', () => {
  it('settles a late job’s statement with nothing, instead of a rejection nobody hears', async () => {
    // pg-boss does not await completing or failing a job whose handler outlived the stop.
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    await pool.end();
    // No result: pg-boss counts it as no job affected (`result && result.rows ? … : 0`).
    await expect(poolAdapter(pool).executeSql('SELECT 1', [])).resolves.toBeNull();
  });
});
