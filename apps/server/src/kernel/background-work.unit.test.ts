import { describe, expect, it, vi } from 'vitest';
import { BackgroundWorkStopped, createBackgroundWork } from './background-work.ts';

const at = new Date('2026-03-02T09:00:00.000Z');

describe('background work', () => {
  it('logs a failure with its context, keeps it for the status, and never rejects', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const background = createBackgroundWork(log, () => at);
    const result = await background.run('reassess', { reason: 'playbook version 2' }, async () => {
      throw new Error('connection reset');
    });
    expect(result).toBeUndefined();
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ task: 'reassess', reason: 'playbook version 2', err: expect.any(Error) }),
      'reassess failed',
    );
    const status = background.status();
    expect(status.recentFailures).toEqual([
      {
        name: 'reassess',
        context: { reason: 'playbook version 2' },
        startedAt: at.toISOString(),
        failedAt: at.toISOString(),
        message: 'connection reset',
      },
    ]);
    expect(status.tasks).toEqual([
      expect.objectContaining({ name: 'reassess', runs: 1, failures: 1, running: 0 }),
    ]);
  });

  it('counts a stop for shutdown as no failure', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const background = createBackgroundWork(log, () => at);
    await background.run('refresh', {}, async () => {
      throw new BackgroundWorkStopped();
    });
    expect(log.error).not.toHaveBeenCalled();
    expect(background.status().recentFailures).toEqual([]);
  });

  it('drains: resolves only once the work in flight, and work it started, has finished', async () => {
    const background = createBackgroundWork({ info: vi.fn(), error: vi.fn() }, () => at);
    const finished: string[] = [];
    let release: () => void = () => {};
    void background.run('first', {}, async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished.push('first');
      void background.run('second', {}, async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        finished.push('second');
      });
    });
    expect(background.status().inFlight).toBe(1);
    const drained = background.drain().then(() => finished.push('drained'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(finished).toEqual([]);
    release();
    await drained;
    expect(finished).toEqual(['first', 'second', 'drained']);
    expect(background.status().inFlight).toBe(0);
  });

  it('keeps the 50 most recent failures, newest first', async () => {
    const background = createBackgroundWork({ info: vi.fn(), error: vi.fn() }, () => at);
    for (let run = 0; run < 60; run++) {
      await background.run('flaky', { run }, async () => {
        throw new Error(`failure ${run}`);
      });
    }
    const failures = background.status().recentFailures;
    expect(failures).toHaveLength(50);
    expect(failures[0]!.message).toBe('failure 59');
    expect(failures[49]!.message).toBe('failure 10');
  });
});
