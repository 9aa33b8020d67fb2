import fs from 'node:fs';
import autocannon from 'autocannon';
import { percentile } from './measure.ts';

/**
 * The load generator, run as its own process (`node --import tsx load-client.ts <request.json>`) so it
 * does not share the server's event loop; prints one JSON line with the result. Traffic goes to
 * the URLs it is given (127.0.0.1 only) and stops by itself.
 *
 * - `cannon`: autocannon for `duration` seconds with `connections` in flight, cycling over `paths`;
 * - `pairs`: `count` sequential pairs of POST an activity on an account, then GET its TAM's
 *   worklist; latency of each pair.
 */
export type LoadRequest =
  | {
      mode: 'cannon';
      origin: string;
      paths: string[];
      headers: Record<string, string>;
      connections: number;
      duration: number;
    }
  | {
      mode: 'pairs';
      baseUrl: string;
      pairs: { accountId: string; owner: string }[];
      headers: Record<string, string>;
      count: number;
    };

export interface CannonResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Mean size of a response (bytes read / requests). */
  bytesPerResponse: number;
}

export interface PairsResult {
  pairs: number;
  p50: number;
  p99: number;
  postP99: number;
  getP99: number;
  failures: string[];
}

async function cannon(request: Extract<LoadRequest, { mode: 'cannon' }>): Promise<CannonResult> {
  let next = 0;
  const result = await autocannon({
    url: request.origin,
    connections: request.connections,
    duration: request.duration,
    headers: request.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (template) => ({ ...template, path: request.paths[next++ % request.paths.length]! }),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    requests: ok,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

async function pairs(request: Extract<LoadRequest, { mode: 'pairs' }>): Promise<PairsResult> {
  const headers = { ...request.headers, 'content-type': 'application/json' };
  const total: number[] = [];
  const posts: number[] = [];
  const gets: number[] = [];
  const failures: string[] = [];
  for (let index = 0; index < request.count; index++) {
    const { accountId, owner } = request.pairs[index % request.pairs.length]!;
    const started = performance.now();
    const post = await fetch(`${request.baseUrl}/accounts/${accountId}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'cadence_call', summary: `Bench cadence call ${index}` }),
    });
    await post.arrayBuffer();
    const posted = performance.now();
    const get = await fetch(`${request.baseUrl}/worklist?owner=${owner}`, { headers: request.headers });
    await get.arrayBuffer();
    const ended = performance.now();
    if (!post.ok || !get.ok) failures.push(`pair ${index}: POST ${post.status}, GET ${get.status}`);
    total.push(ended - started);
    posts.push(posted - started);
    gets.push(ended - posted);
  }
  return {
    pairs: request.count,
    p50: percentile(total, 50),
    p99: percentile(total, 99),
    postP99: percentile(posts, 99),
    getP99: percentile(gets, 99),
    failures: failures.slice(0, 5),
  };
}

const request = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as LoadRequest;
const result = request.mode === 'cannon' ? await cannon(request) : await pairs(request);
process.stdout.write(`${JSON.stringify(result)}\n`);
