import { BENCH_TOKEN, type BenchPostgres, startBenchServer } from './bench-server.ts';
import { formatRow, measure } from './measure.ts';

/**
 * `npm run bench -- --records N [--concurrency C]`: the foundation's API micro-benchmark
 * (create, read, update, read as of, list) on an empty database; returns its markdown table.
 */
export async function runApiBench(
  postgres: BenchPostgres,
  records: number,
  concurrency: number,
): Promise<string> {
  const server = await startBenchServer(postgres, 'api');
  const headers = { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' };
  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ id: string; version: number }>;
  }
  try {
    const segments = ['enterprise', 'mid_market', 'smb', 'public_sector'];
    const regions = ['noram', 'latam', 'emea', 'apac'];
    const ids: string[] = [];
    const create = await measure(records, concurrency, async (index) => {
      const account = await call('POST', '/accounts', {
        name: `Bench Account ${index}`,
        segment: segments[index % 4],
        region: regions[(index >> 2) % 4],
        plan: 'premium',
        arr: (index * 7919) % 1_000_000,
      });
      ids[index] = account.id;
    });
    const read = await measure(records * 2, concurrency, async (index) => {
      await call('GET', `/accounts/${ids[index % records]}`);
    });
    const update = await measure(records, concurrency, async (index) => {
      await call('PATCH', `/accounts/${ids[index]}`, { arr: index * 10, version: 1 });
    });
    const asOf = await measure(records, concurrency, async (index) => {
      await call('GET', `/accounts/${ids[index]}?asOf=${new Date().toISOString()}`);
    });
    const list = await measure(500, concurrency, async (index) => {
      await call('GET', `/accounts?segment=${segments[index % 4]}&sort=-arr&limit=50`);
    });
    return [
      `records: ${records}, concurrency: ${concurrency}, HTTP over 127.0.0.1`,
      '',
      '| operation | requests | req/s | p50 ms | p99 ms |',
      '|---|---|---|---|---|',
      formatRow('create account (POST /accounts)', create),
      formatRow('read account with profiles, contacts, team', read),
      formatRow('update account (PATCH, versioned, with history)', update),
      formatRow('read account as of an instant (history)', asOf),
      formatRow('list 50 accounts, filtered and sorted', list),
    ].join('\n');
  } finally {
    await server.close();
  }
}
