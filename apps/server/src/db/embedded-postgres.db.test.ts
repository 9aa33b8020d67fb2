import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../test/free-port.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

// Only meaningful for the zero-configuration mode; it runs in both suites because it needs no server.
describe('embedded PostgreSQL', () => {
  it('initialises a data folder, stops cleanly, and a second start reuses the data', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-embedded-'));
    await fs.chmod(dataDir, 0o755);
    const port = await freePort();
    try {
      const first = await startEmbeddedPostgres({ dataDir, port });
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)');
      await client.end();
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir, port });
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      const rows = await again.query('SELECT value FROM kept');
      await again.end();
      await second.stop();
      expect(rows.rows).toEqual([{ value: 'still here' }]);
      await expect(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
