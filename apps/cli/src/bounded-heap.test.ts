import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_MB, heapLimitFor } from '../bin/bounded-heap.js';

const node = ['/usr/bin/node', '/opt/liaison/bin/liaison.js'];

describe('heapLimitFor: which runs get the bounded-heap relaunch', () => {
  it.each([
    ['serve, nothing set', ['serve'], [], {}, DEFAULT_HEAP_MB],
    ['serve --demo with LIAISON_HEAP_MB', ['serve', '--demo'], [], { LIAISON_HEAP_MB: '512' }, 512],
    ['surrounding spaces are fine', ['serve'], [], { LIAISON_HEAP_MB: ' 160 ' }, 160],
    ['an empty value is the default', ['serve'], [], { LIAISON_HEAP_MB: '' }, DEFAULT_HEAP_MB],
    ['turned off', ['serve'], [], { LIAISON_HEAP_MB: 'off' }, null],
    ['turned off with 0', ['serve'], [], { LIAISON_HEAP_MB: '0' }, null],
    ['a client command never relaunches', ['import', 'accounts', 'a.csv'], [], {}, null],
    ['no command at all', [], [], {}, null],
    ['already the relaunched child', ['serve'], [], { LIAISON_HEAP_RELAUNCHED: '256' }, null],
    ['node given the flag', ['serve'], ['--max-old-space-size=1024'], {}, null],
    ['node given the flag with underscores', ['serve'], ['--max_old_space_size=1024'], {}, null],
    [
      'NODE_OPTIONS has the flag',
      ['serve'],
      [],
      { NODE_OPTIONS: '--enable-source-maps --max-old-space-size=900' },
      null,
    ],
    [
      'other NODE_OPTIONS do not count',
      ['serve'],
      [],
      { NODE_OPTIONS: '--enable-source-maps' },
      DEFAULT_HEAP_MB,
    ],
  ])('%s', (_case, args, execArgv, env, expected) => {
    expect(heapLimitFor([...node, ...args], execArgv, env)).toBe(expected);
  });

  it.each(['lots', '12.5', '-1', '32'])('refuses LIAISON_HEAP_MB=%s with what it accepts', (value) => {
    expect(() => heapLimitFor([...node, 'serve'], [], { LIAISON_HEAP_MB: value })).toThrow(
      /LIAISON_HEAP_MB must be a whole number of megabytes \(at least 64\) or "off"/,
    );
  });

  it('does not check LIAISON_HEAP_MB for commands that never relaunch', () => {
    expect(heapLimitFor([...node, 'whoami'], [], { LIAISON_HEAP_MB: 'lots' })).toBeNull();
  });
});
