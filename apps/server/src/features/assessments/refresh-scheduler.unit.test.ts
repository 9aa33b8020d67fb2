import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundWork } from '../../kernel/background-work.ts';
import type { AssessmentsService } from './assessments.service.ts';
import { startRefreshScheduler } from './refresh-scheduler.ts';

const START = new Date('2026-03-01T22:00:00.000Z');

function fakeService(run: (now: Date, onProgress?: (done: number) => void) => Promise<number>) {
  return { refreshAllStale: vi.fn(run) } as unknown as AssessmentsService & {
    refreshAllStale: ReturnType<typeof vi.fn>;
  };
}

describe('background refresh of stale assessments', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('runs at start, then just after each UTC midnight', async () => {
    const service = fakeService(async () => 3);
    const info = vi.fn();
    const scheduler = startRefreshScheduler(service, createBackgroundWork({ info, error: vi.fn() }));
    await vi.advanceTimersByTimeAsync(1);
    expect(service.refreshAllStale).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({ task: 'assessments.daily-refresh', result: 3 }),
      'assessments.daily-refresh done',
    );
    // 22:00 → midnight is two hours away; nothing before it.
    await vi.advanceTimersByTimeAsync(2 * 3_600_000 - 1_000);
    expect(service.refreshAllStale).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(service.refreshAllStale).toHaveBeenCalledTimes(2);
    expect((service.refreshAllStale.mock.calls[1]![0] as Date).toISOString()).toBe(
      '2026-03-02T00:00:05.000Z',
    );
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(service.refreshAllStale).toHaveBeenCalledTimes(3);
    await scheduler.stop();
  });

  it('logs a failure with its context, shows it in the status, and tries again the next night', async () => {
    const service = fakeService(async () => {
      throw new Error('database gone');
    });
    const error = vi.fn();
    const background = createBackgroundWork({ info: vi.fn(), error });
    const scheduler = startRefreshScheduler(service, background);
    await vi.advanceTimersByTimeAsync(1);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({
        task: 'assessments.daily-refresh',
        at: START.toISOString(),
        err: expect.any(Error),
      }),
      'assessments.daily-refresh failed',
    );
    expect(background.status().recentFailures).toEqual([
      expect.objectContaining({ name: 'assessments.daily-refresh', message: 'database gone' }),
    ]);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(service.refreshAllStale).toHaveBeenCalledTimes(2);
    await scheduler.stop();
  });

  it('stops a running refresh at its next chunk and schedules nothing more', async () => {
    let release: () => void = () => {};
    const chunks: number[] = [];
    const service = fakeService(
      (_now, onProgress) =>
        new Promise<number>((resolve, reject) => {
          release = () => {
            try {
              onProgress?.(2_000);
              chunks.push(2_000);
              resolve(2_000);
            } catch (stopped) {
              reject(stopped);
            }
          };
        }),
    );
    const error = vi.fn();
    const scheduler = startRefreshScheduler(service, createBackgroundWork({ info: vi.fn(), error }));
    await vi.advanceTimersByTimeAsync(1);
    const stopping = scheduler.stop();
    release();
    await stopping;
    expect(chunks).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3 * 86_400_000);
    expect(service.refreshAllStale).toHaveBeenCalledTimes(1);
  });
});
