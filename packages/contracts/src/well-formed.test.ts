import { describe, expect, it } from 'vitest';
import { findInputProblems, MAX_NESTING, textProblem, WellFormedRequest } from './well-formed.ts';

describe('text a request may carry', () => {
  it('holds no NUL and no lone UTF-16 surrogate', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('a\ud800b')).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem('a\udc00')).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem('\udc00\ud800')).toMatch(/lone UTF-16 surrogate/);
  });

  it('is any other Unicode, pairs of surrogates included', () => {
    for (const fine of [
      '',
      'plain',
      'é',
      '日本語',
      '😀',
      '\ud83d\ude00',
      'tab\tnew\nline',
      '\u0001\u007f',
      '\ufffd',
    ]) {
      expect(textProblem(fine), JSON.stringify(fine)).toBeNull();
    }
  });
});

describe('a request, walked whole', () => {
  it('names every offending string and field name by its path', () => {
    const body = {
      name: 'a\u0000b',
      list: ['fine', 'x\ud800'],
      nested: { 'key\u0000': 1, deeper: [{ note: '\udfff' }] },
      fine: 'ok',
    };
    expect(findInputProblems(body)).toEqual([
      { path: ['name'], message: 'must not contain the NUL character (\\u0000)' },
      {
        path: ['nested', 'key\u0000'],
        message: 'the field name must not contain the NUL character (\\u0000)',
      },
      { path: ['list', 1], message: 'must be valid Unicode (it holds a lone UTF-16 surrogate)' },
      {
        path: ['nested', 'deeper', 0, 'note'],
        message: 'must be valid Unicode (it holds a lone UTF-16 surrogate)',
      },
    ]);
  });

  it(`refuses values nested deeper than ${MAX_NESTING} levels, without recursing into them`, () => {
    let deep: unknown = 'end';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const [problem, ...others] = findInputProblems({ deep });
    expect(others).toEqual([]);
    expect(problem?.path).toHaveLength(MAX_NESTING);
    expect(problem?.message).toMatch(/nested too deeply/);
    let fine: unknown = 'end';
    for (let level = 1; level < MAX_NESTING; level++) fine = [fine];
    expect(findInputProblems(fine)).toEqual([]);
  });

  it('tells at most 20 problems', () => {
    expect(findInputProblems(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('is a zod refinement whose issues carry the paths', () => {
    const result = WellFormedRequest.safeParse({ user: { email: 'x\u0000@example.com' } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['user', 'email']]);
    expect(WellFormedRequest.safeParse({ n: 1, b: true, s: 'ok', a: [null] }).success).toBe(true);
  });
});
