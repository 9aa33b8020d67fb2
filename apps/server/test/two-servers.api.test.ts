import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { JOB_LOCK_SPACE } from '../src/features/imports/index.ts';
import { freePort } from './free-port.ts';
import { createTestDatabase } from './test-app.ts';

// Several stateless Liaison servers on one PostgreSQL (docs/scaling.md, decision 0009): two real
// server processes share one database. A session made on one is valid on the other; a
// schedule's tick runs once, not once per server; a server killed mid-import leaves none of the
// import written, and the other server runs the job again from the stored file.

const bin = fileURLToPath(new URL('../../cli/bin/liaison.js', import.meta.url));
const BOOTSTRAP = 'lia_two_servers_bootstrap_token_0123';
const database = await createTestDatabase();
const sql = new pg.Pool({ connectionString: database.url, max: 2 });
// An idle connection the teardown's DROP DATABASE … WITH (FORCE) ends must not crash the run.
sql.on('error', () => {});
const started: ChildProcess[] = [];
const servers: number[] = [];

afterAll(async () => {
  // The server processes too: a launcher killed outright cannot pass the signal on.
  for (const pid of servers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone (the import test kills one).
    }
  }
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  await sql.end();
  await database.close();
});

interface Served {
  url: string;
  /** The server process the launcher runs. */
  pid: number;
  output: () => string;
}

async function serve(): Promise<Served> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    LIAISON_BOOTSTRAP_TOKEN: BOOTSTRAP,
    LIAISON_JOB_POLL_SECONDS: '1',
    LOG_LEVEL: 'warn',
  };
  const launcher = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env,
    cwd: os.tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(launcher);
  let output = '';
  launcher.stdout!.on('data', (chunk) => (output += chunk));
  launcher.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`serve exited with ${launcher.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`no answer on port ${port}:\n${output}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = Number(
    readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(/\s+/)[0],
  );
  servers.push(pid);
  return { url, pid, output: () => output };
}

async function call(url: string, path: string, init: RequestInit & { token?: string; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.cookie) headers.set('cookie', init.cookie);
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  const response = await fetch(`${url}/api/v1${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const [a, b] = await Promise.all([serve(), serve()]);
// When both were answering: the first schedule tick after this is seen by both.
const upSince = Date.now();

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('two servers on one database', () => {
  it('accept a session made on either', async () => {
    const email = 'two.servers@example.com';
    const made = await call(a.url, '/users', {
      method: 'POST',
      token: BOOTSTRAP,
      body: JSON.stringify({ name: 'Two Servers', email, roles: ['admin'], password: 'a long password 1' }),
    });
    expect(made.status).toBe(201);
    const login = await call(a.url, '/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password: 'a long password 1' }),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    for (const server of [a, b]) {
      const me = await call(server.url, '/auth/me', { cookie });
      expect(me.status, server.url).toBe(200);
      expect(me.body.user.email).toBe(email);
    }
  });

  it('run a schedule’s tick once, whichever server notices it first', async () => {
    // Both servers watch the schedules every second; the dispatcher runs every minute. A server
    // that notices a tick queues pg-boss's "send it" job for that minute (its singleton slot),
    // which then sends the run. Take the first tick after both were up: it is sent once, and its
    // run completes. (Counted where the tick is noticed, not where the run is created: under
    // load the runs of two minutes can be created seconds apart.)
    const minute = Math.ceil(upSince / 60_000) * 60_000;
    const sends = async () =>
      (
        await sql.query<{ created: Date; state: string }>(
          `SELECT created_on AS created, state::text FROM (
             SELECT name, singleton_key, created_on, state FROM pgboss.job
             UNION ALL SELECT name, singleton_key, created_on, state FROM pgboss.archive
           ) jobs
           WHERE name = '__pgboss__send-it' AND singleton_key = 'events-dispatch'
             AND created_on >= $1 AND created_on < $2`,
          [new Date(minute), new Date(minute + 60_000)],
        )
      ).rows;
    const noticed = await until('the tick to be noticed', async () => (await sends())[0], 150_000);
    // The other server checks every second too; a second send would be there by now.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await sends()).toHaveLength(1);
    await until('its run to complete', async () => {
      const runs = await sql.query<{ state: string }>(
        `SELECT state::text FROM (
           SELECT created_on, data, state FROM pgboss.job WHERE name = 'events-dispatch'
           UNION ALL SELECT created_on, data, state FROM pgboss.archive WHERE name = 'events-dispatch'
         ) jobs
         WHERE data->>'scheduled' = 'true' AND created_on >= $1`,
        [new Date(noticed.created)],
      );
      return runs.rows.some((run) => run.state === 'completed') ? true : undefined;
    });
    // And every scheduled run came from one send: as many runs as sends done, since the start.
    const tally = async () =>
      (
        await sql.query<{ sends: number; runs: number }>(
          `WITH jobs AS (
             SELECT name, singleton_key, data, state FROM pgboss.job
             UNION ALL SELECT name, singleton_key, data, state FROM pgboss.archive
           )
           SELECT count(*) FILTER (WHERE name = '__pgboss__send-it' AND singleton_key = 'events-dispatch'
                                     AND state = 'completed')::int AS sends,
                  count(*) FILTER (WHERE name = 'events-dispatch' AND data->>'scheduled' = 'true')::int AS runs
           FROM jobs`,
        )
      ).rows[0]!;
    // A run is created just before its send is marked done: the two agree once it is.
    const agreed = await until(
      'every send to be done',
      async () => {
        const now = await tally();
        return now.sends === now.runs ? now : undefined;
      },
      30_000,
    ).catch(async () => tally());
    expect(agreed.runs).toBe(agreed.sends);
  }, 200_000);

  it('do each job once, whichever server takes it', async () => {
    // Twenty e-mails queued through both servers; both work the delivery queue. Without an SMTP
    // server each delivery holds its message in the outbox: one job per message, each taken once
    // (started once, never retried, completed).
    for (let n = 0; n < 20; n++) {
      const sent = await call(n % 2 === 0 ? a.url : b.url, '/mail/test', {
        method: 'POST',
        token: BOOTSTRAP,
      });
      expect(sent.status).toBe(201);
    }
    const held = await until('every test e-mail to be delivered', async () => {
      const rows = await sql.query<{ status: string }>(
        "SELECT status FROM mail_messages WHERE kind = 'test'",
      );
      return rows.rows.every((row) => row.status === 'held') ? rows.rows : undefined;
    });
    expect(held).toHaveLength(20);
    const jobs = await sql.query<{ messages: number; jobs: number; retried: number; unfinished: number }>(
      `SELECT count(DISTINCT data->>'messageId')::int AS messages, count(*)::int AS jobs,
              count(*) FILTER (WHERE retry_count > 0)::int AS retried,
              count(*) FILTER (WHERE state <> 'completed')::int AS unfinished
       FROM (
         SELECT data, retry_count, state::text FROM pgboss.job WHERE name = 'mail-deliver'
         UNION ALL SELECT data, retry_count, state::text FROM pgboss.archive WHERE name = 'mail-deliver'
       ) deliveries`,
    );
    expect(jobs.rows[0]).toEqual({ messages: 20, jobs: 20, retried: 0, unfinished: 0 });
  }, 120_000);

  it('leave a killed server’s import unwritten, and run it again on the other', async () => {
    const rows = 60_000;
    const lines = ['"Id","Name","Segment__c","Region__c","Plan__c","ARR__c"'];
    for (let n = 0; n < rows; n++)
      lines.push(
        `"001KILL${String(n).padStart(8, '0')}","Kill Test ${n}","smb","NORAM","premium","${1000 + n}"`,
      );
    const started = await fetch(`${a.url}/api/v1/imports?object=accounts&fileName=kill.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP}`, 'content-type': 'text/csv' },
      body: lines.join('\n'),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    // Either server may take the job (A starts it at once, but B's worker may fetch it first).
    // The one holding the job's lock (its connection's application name has its process id)
    // runs it; the other reads it, and once it writes, the one running it dies.
    const seen = await until('the import to write', async () => {
      const job = await call(b.url, `/imports/${id}`, { token: BOOTSTRAP });
      if (job.body.done && job.body.status !== 'completed') throw new Error(JSON.stringify(job.body));
      return ['writing', 'assessing', 'completed'].includes(job.body.status) ? job.body.status : undefined;
    });
    const runner = await until('the server running the import', async () => {
      const held = await sql.query<{ name: string }>(
        `SELECT activity.application_name AS name FROM pg_locks lock
         JOIN pg_stat_activity activity ON activity.pid = lock.pid
         WHERE lock.locktype = 'advisory' AND lock.granted AND lock.classid = $1
           AND lock.objid = hashtext($2)::oid AND lock.objsubid = 2`,
        [JOB_LOCK_SPACE, id],
      );
      const name = held.rows[0]?.name;
      if (name === `liaison ${a.pid}`) return [a, b] as const;
      if (name === `liaison ${b.pid}`) return [b, a] as const;
      // Nobody holds it: the run has ended (A is then killed all the same).
      const job = await call(b.url, `/imports/${id}`, { token: BOOTSTRAP });
      return job.body.done ? ([a, b] as const) : undefined;
    });
    const [killed, survivor] = runner;
    process.kill(killed.pid, 'SIGKILL');
    // At once, nothing of it is written: the run's transaction died with its connection.
    const right = await sql.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM accounts WHERE name LIKE 'Kill Test %'",
    );
    expect([0, rows]).toContain(right.rows[0]!.count);
    // The survivor finds the run dead (its lock is free), fails the attempt in the queue, and the retry
    // runs the stored file again, on the survivor.
    // The retry waits 10 s (backoff), then reads and writes 60,000 rows again: on two busy cores
    // (CI runs the browser tests beside this) that can take a minute or two.
    let last: unknown;
    const end = await until(
      'the import to end',
      async () => {
        const job = await call(survivor.url, `/imports/${id}`, { token: BOOTSTRAP });
        last = job.body;
        return job.body.done ? job.body : undefined;
      },
      180_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last seen: ${JSON.stringify(last)}`);
    });
    const written = await sql.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM accounts WHERE name LIKE 'Kill Test %'",
    );
    expect(end).toMatchObject({ status: 'completed', rows: { read: rows, created: rows } });
    expect(written.rows[0]!.count).toBe(rows);
    // It finished before its server was killed (one attempt), or the survivor ran it again (two).
    expect(end.attempt).toBe(right.rows[0]!.count === rows ? 1 : 2);
    // Whoever started it hears of the end once.
    const told = await sql.query<{ type: string }>(
      "SELECT type FROM events WHERE body->'data'->>'importId' = $1",
      [id],
    );
    expect(told.rows.map((row) => row.type)).toEqual(['import.finished']);
    // The survivor serves on, alone.
    expect((await call(survivor.url, '/auth/me', { token: BOOTSTRAP })).status).toBe(200);
    console.log(
      `two servers: the import was ${end.status} in attempt ${end.attempt} (${seen} when its server, ${killed === a ? 'A' : 'B'}, was killed)`,
    );
  }, 300_000);
});
