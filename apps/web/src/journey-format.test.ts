import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import {
  byUrgency,
  fieldText,
  fieldValue,
  fileSize,
  gateRefusal,
  initialFieldText,
  inlineParts,
  isActionable,
  markdownBlocks,
  mayWork,
  stateColour,
} from './journey-format.ts';

const chip = (userId: string | null) => ({
  role: 'sa' as const,
  label: 'SA',
  person: userId ? { userId, name: 'Sam' } : null,
  explanation: '',
});

describe('journey format', () => {
  it('lets whoever edits the account, the responsible person and the named TAM work on a step', () => {
    const step = { responsible: chip('u-sa') };
    const workflow = { context: { tam: { userId: 'u-tam', name: 'Tia' }, reason: null, note: null } };
    expect(mayWork(step, workflow, { id: 'u-ae', roles: ['ae'] }, true)).toBe(true);
    expect(mayWork(step, workflow, { id: 'u-sa', roles: ['sa'] }, false)).toBe(true);
    expect(mayWork(step, workflow, { id: 'u-tam', roles: ['tam'] }, false)).toBe(true);
    expect(mayWork(step, workflow, { id: 'u-other', roles: ['tam'] }, false)).toBe(false);
    expect(mayWork({ responsible: chip('u-v') }, workflow, { id: 'u-v', roles: ['viewer'] }, false)).toBe(
      false,
    );
  });

  it('tells open work from waiting and settled steps', () => {
    expect(isActionable({ state: 'not_started', open: true })).toBe(true);
    expect(isActionable({ state: 'in_progress', open: true })).toBe(true);
    expect(isActionable({ state: 'not_started', open: false })).toBe(false);
    expect(isActionable({ state: 'done', open: true })).toBe(false);
    expect(stateColour({ state: 'in_progress', open: true, overdue: true })).toBe('red');
    expect(stateColour({ state: 'done', open: true, overdue: false })).toBe('teal');
  });

  it('sorts the steps someone owes overdue first, then by due date', () => {
    const sorted = byUrgency([
      { accountName: 'B', overdue: false, dueOn: '2026-03-10' },
      { accountName: 'C', overdue: false, dueOn: null },
      { accountName: 'A', overdue: true, dueOn: '2026-03-01' },
      { accountName: 'D', overdue: false, dueOn: '2026-03-05' },
    ]);
    expect(sorted.map((item) => item.accountName)).toEqual(['A', 'D', 'B', 'C']);
  });

  it('reads a gate refusal: the steps, and whether a reason lets the move through', () => {
    const asking = new ApiError({
      status: 422,
      code: 'GATE_BLOCKED',
      message: 'Moving to proposal leaves required outputs behind',
      details: [{ path: 'body.gateReason', message: 'step 9: Blueprint solution design diagram is missing' }],
    });
    expect(gateRefusal(asking)).toEqual({
      problems: ['step 9: Blueprint solution design diagram is missing'],
      asksReason: true,
      message: 'Moving to proposal leaves required outputs behind',
    });
    const blocking = new ApiError({
      status: 422,
      code: 'GATE_BLOCKED',
      message: 'The journey blocks moving to negotiating',
      details: [{ path: 'body.stage', message: 'step 11: Approval is missing' }],
    });
    expect(gateRefusal(blocking)?.asksReason).toBe(false);
    expect(gateRefusal(new ApiError({ status: 409, code: 'VERSION_CONFLICT', message: 'x' }))).toBeNull();
    expect(gateRefusal(new Error('x'))).toBeNull();
  });

  it('edits list fields one item per line and prefers the confirmed value to the suggestion', () => {
    expect(fieldText(['a', 'b'])).toBe('a\nb');
    expect(fieldText(null)).toBe('');
    expect(fieldValue('list', ' a \n\n b\n')).toEqual(['a', 'b']);
    expect(fieldValue('text', '  Lumen  ')).toBe('Lumen');
    expect(initialFieldText({ value: null, suggested: 'Lumen Freight' })).toBe('Lumen Freight');
    expect(initialFieldText({ value: 'Lumen', suggested: 'Lumen Freight' })).toBe('Lumen');
  });

  it('says file sizes', () => {
    expect(fileSize(812)).toBe('812 B');
    expect(fileSize(14_000)).toBe('14 kB');
    expect(fileSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('splits the generated summary into headings, paragraphs and lists', () => {
    const blocks = markdownBlocks(
      '# Dwindle Ltd: from here\n\n_2026-03-02 · from Tess_\n\n## Options\n\n- **Support**: 24×5\n- Docs\n\nThanks.\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Dwindle Ltd: from here' },
      { kind: 'paragraph', text: '_2026-03-02 · from Tess_' },
      { kind: 'heading', level: 2, text: 'Options' },
      { kind: 'list', items: ['**Support**: 24×5', 'Docs'] },
      { kind: 'paragraph', text: 'Thanks.' },
    ]);
    expect(inlineParts('Plan **premium** at _$60,000_ a year')).toEqual([
      { text: 'Plan ' },
      { text: 'premium', bold: true },
      { text: ' at ' },
      { text: '$60,000', italic: true },
      { text: ' a year' },
    ]);
    expect(inlineParts('snake_case_word stays')).toEqual([{ text: 'snake_case_word stays' }]);
  });
});
