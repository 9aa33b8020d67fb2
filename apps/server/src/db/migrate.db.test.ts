import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../../test/database-url.ts';
import { migrate } from './migrate.ts';

const admin = new pg.Client({ connectionString: inject('adminUrl') });
await admin.connect();
const name = `liaison_test_${inject('templateDatabase').split('_').pop()}_mig_${randomBytes(3).toString('hex')}`;
await admin.query(`CREATE DATABASE ${name}`);
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migrations', () => {
  it('apply once when two servers start at the same moment, and are a no-op after', async () => {
    const pools = [0, 1].map((): pg.Pool => {
      const pool = new pg.Pool({ connectionString: databaseUrl(inject('adminUrl'), name), max: 2 });
      // A client still closing when the database is dropped reports its termination here.
      pool.on('error', () => {});
      return pool;
    });
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      const applied = results.map((result) => result.applied.length).sort();
      expect(applied[0]).toBe(0);
      expect(applied[1]).toBeGreaterThan(0);
      expect((await migrate(pools[0]!)).applied).toEqual([]);
      const tables = await pools[0]!.query(
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('accounts','history')",
      );
      expect(tables.rows[0].n).toBe(2);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
