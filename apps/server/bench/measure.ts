import fs from 'node:fs';

/** Runs `total` calls of `task` with `concurrency` in flight; returns throughput and latency percentiles. */
export async function measure(total: number, concurrency: number, task: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const begin = performance.now();
        await task(index);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    total,
  };
}

export function formatRow(label: string, result: Awaited<ReturnType<typeof measure>>): string {
  return `| ${label} | ${result.total} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} |`;
}

/** The p-th percentile (nearest rank) of `values`; sorts them in place. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort((left, right) => left - right);
  return values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]!;
}

/**
 * Samples this process's resident set size every 100 ms until stopped; `stop` resolves to the
 * peak (bytes), sampled once more at the end.
 */
export function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** VmHWM (peak resident set size, bytes) of a live process, from /proc; null where unavailable. */
export function peakRssOf(pid: number): number | null {
  return statusBytes(pid, 'VmHWM');
}

/** VmRSS (resident set size now, bytes) of a live process, from /proc; null where unavailable. */
export function rssOf(pid: number): number | null {
  return statusBytes(pid, 'VmRSS');
}

function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export const mb = (bytes: number | null) =>
  bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Awaits `task`, timing it in seconds and sampling the peak RSS meanwhile. */
export async function timed<T>(
  task: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakRss: number }> {
  const sampler = sampleRss();
  const started = performance.now();
  try {
    const value = await task();
    return { value, seconds: (performance.now() - started) / 1000, peakRss: sampler.stop() };
  } finally {
    sampler.stop();
  }
}
