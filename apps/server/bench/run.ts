import os from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_TOKEN, startBenchServer } from './bench-server.ts';
import { runImportBench } from './import-bench.ts';
import { formatRow, measure } from './measure.ts';

// `npm run bench [-- --records N --concurrency C]`: prints figures, asserts nothing.
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    // `--import-rows N` runs the CSV import benchmark instead (100000 for a quick run, 1000000 in full).
    'import-rows': { type: 'string' },
  },
});
if (values['import-rows'] !== undefined) {
  await runImportBench(Number(values['import-rows']) || 100_000);
  process.exit(0);
}
const records = Number(values.records);
const concurrency = Number(values.concurrency);

const server = await startBenchServer();
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
  // Whole-book reassessment in-process: load facts set-based, assess, upsert the read model.
  await server.database.pool.query('TRUNCATE account_assessments');
  const reassessStarted = performance.now();
  const reassessed = await server.services.assessments.reassessAll(new Date());
  const reassessSeconds = (performance.now() - reassessStarted) / 1000;
  console.log(
    `\nLiaison API benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, ${server.description}`,
  );
  console.log(`records: ${records}, concurrency: ${concurrency}, HTTP over 127.0.0.1\n`);
  console.log('| operation | requests | req/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|');
  console.log(formatRow('create account (POST /accounts)', create));
  console.log(formatRow('read account with profiles, contacts, team', read));
  console.log(formatRow('update account (PATCH, versioned, with history)', update));
  console.log(formatRow('read account as of an instant (history)', asOf));
  console.log(formatRow('list 50 accounts, filtered and sorted', list));
  console.log(
    `\nfull reassessment (liaison assess --all path): ${reassessed} accounts in ${reassessSeconds.toFixed(2)} s = ${(reassessed / reassessSeconds).toFixed(0)} accounts/s`,
  );
} finally {
  await server.close();
}
