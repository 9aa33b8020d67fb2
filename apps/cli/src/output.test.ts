import { ApiError } from '@liaison/contracts';
import { describe, expect, it, vi } from 'vitest';
import {
  CliError,
  describeError,
  formatBox,
  formatDue,
  formatFields,
  formatHealth,
  formatInstant,
  formatLoad,
  formatModel,
  formatMoney,
  formatPercent,
  formatPriority,
  formatTable,
  formatTier,
  formatValue,
  reportError,
} from './output.ts';

describe('formatting', () => {
  it('aligns table columns, right-aligns numbers and cuts long cells', () => {
    const table = formatTable(
      [{ header: 'name', max: 8 }, { header: 'arr', align: 'right' }, { header: 'stage' }],
      [
        ['Acme Corporation', '$1,250,000', 'customer'],
        ['Initech', '$900', ''],
      ],
    );
    expect(table.split('\n')).toEqual([
      'NAME             ARR  STAGE',
      'Acme Co…  $1,250,000  customer',
      'Initech         $900',
    ]);
  });

  it('formats money, instants and history values', () => {
    expect(formatMoney(1_250_000)).toBe('$1,250,000');
    expect(formatMoney(99.6)).toBe('$100');
    expect(formatMoney(null)).toBe('—');
    expect(formatInstant('2026-03-01T09:30:00.000Z')).toBe('2026-03-01 09:30 UTC');
    expect(formatInstant('2026-03-01T10:30:15+01:00')).toBe('2026-03-01 09:30:15 UTC');
    expect(formatInstant(null)).toBe('—');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('green')).toBe('green');
    expect(formatValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('lays out fields with multi-line values indented', () => {
    expect(
      formatFields([
        ['Plan', 'premium'],
        ['Objectives', '• one\n• two'],
      ]),
    ).toBe('  Plan        premium\n  Objectives  • one\n              • two');
  });

  it('formats assessment values', () => {
    expect(formatPriority('pr1')).toBe('Pr1');
    expect(formatTier('tier2')).toBe('tier 2');
    expect(formatTier('digital')).toBe('digital');
    expect(formatModel('us_enterprise')).toBe('US Enterprise');
    expect(formatModel('some_new_model')).toBe('some new model');
    expect(formatHealth('green', 78.954)).toBe('green 78.95');
    expect(formatHealth('red', 0)).toBe('red 0');
    expect(formatHealth(null, null)).toBe('not scored');
    expect(formatDue({ kind: 'success_plan', dueDate: '2026-02-19', status: 'due_soon' })).toBe(
      'success plan 2026-02-19 (due soon)',
    );
    expect(formatDue(null)).toBe('—');
    expect(formatPercent(0.3333)).toBe('33%');
    expect(formatLoad(0.9)).toBe('0.90');
  });

  it('draws a box', () => {
    expect(formatBox(['ab', 'abcd'])).toBe('┌──────┐\n│ ab   │\n│ abcd │\n└──────┘');
  });
});

describe('describeError', () => {
  it('gives the API code and message on one line, exit 1', () => {
    const error = new ApiError({
      status: 409,
      code: 'VERSION_CONFLICT',
      message: 'Account x was changed by someone else since you read it.',
      details: [{ path: 'version', message: 'current version is 3' }],
      requestId: 'req-1',
    });
    const described = describeError(error);
    expect(described.line).toBe(
      'error: VERSION_CONFLICT: Account x was changed by someone else since you read it.',
    );
    expect(described.exitCode).toBe(1);
    expect(described.json.error).toMatchObject({ code: 'VERSION_CONFLICT', status: 409, requestId: 'req-1' });
    expect(described.json.error.details).toHaveLength(1);
  });

  it('says plainly when the server cannot be reached', () => {
    const error = new ApiError({
      status: 0,
      code: 'UNREACHABLE',
      message: 'cannot reach Liaison at http://localhost:3000: is the server running? (liaison serve)',
    });
    expect(describeError(error).line).toBe(
      'error: cannot reach Liaison at http://localhost:3000: is the server running? (liaison serve)',
    );
  });

  it('adds the request id to server-side failures', () => {
    const error = new ApiError({
      status: 500,
      code: 'INTERNAL',
      message: 'Something went wrong.',
      requestId: 'r9',
    });
    expect(describeError(error).line).toBe('error: INTERNAL: Something went wrong. (request r9)');
  });

  it('keeps the exit code of CLI errors and survives odd throws', () => {
    expect(describeError(new CliError('bad flag', 2))).toMatchObject({
      line: 'error: bad flag',
      exitCode: 2,
    });
    expect(describeError(undefined)).toMatchObject({ line: 'error: unknown error', exitCode: 1 });
  });
});

describe('reportError', () => {
  function capture(run: () => number) {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    try {
      return { code: run(), stdout: out.join(''), stderr: err.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it('prints the error as JSON with --json, unless the command already printed its result', () => {
    const plain = capture(() => reportError(new CliError('no good'), { json: true }));
    expect(plain).toEqual({
      code: 1,
      stdout: '{\n  "error": {\n    "code": "FAILED",\n    "message": "no good"\n  }\n}\n',
      stderr: 'error: no good\n',
    });
    const printed = capture(() =>
      reportError(new CliError('x.json: the playbook is invalid', 1, 'VALIDATION_FAILED', true), {
        json: true,
      }),
    );
    expect(printed).toEqual({ code: 1, stdout: '', stderr: 'error: x.json: the playbook is invalid\n' });
  });
});
