import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from './output.ts';
import { readPlaybookFile } from './playbook-file.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-playbook-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, text);
  return target;
}

function failure(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('readPlaybookFile', () => {
  it('reads the playbook object, or takes it out of the document `playbook show --json` prints', () => {
    expect(readPlaybookFile(file('plain.json', '{"schemaVersion":1,"tiers":[]}'))).toEqual({
      schemaVersion: 1,
      tiers: [],
    });
    const document = {
      version: 3,
      playbook: { schemaVersion: 1 },
      createdAt: null,
      createdBy: null,
      note: null,
    };
    expect(readPlaybookFile(file('document.json', JSON.stringify(document)))).toEqual({ schemaVersion: 1 });
    // Not a document: other keys beside playbook and version stay as they are.
    const other = { version: 3, playbook: {}, tiers: [] };
    expect(readPlaybookFile(file('other.json', JSON.stringify(other)))).toEqual(other);
  });

  it('fails with exit 2 when the file cannot be read, exit 1 when it holds no JSON object', () => {
    expect(failure(() => readPlaybookFile(path.join(dir, 'missing.json')))).toMatchObject({
      exitCode: 2,
      message: `cannot read ${path.join(dir, 'missing.json')}: no such file`,
    });
    expect(failure(() => readPlaybookFile(file('list.json', '[1, 2]')))).toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/must hold a JSON object \(the playbook\), not an array$/),
    });
    expect(failure(() => readPlaybookFile(file('playbook.yaml', 'tiers: []')))).toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/is not JSON \(playbooks are read as JSON; YAML is not supported\): /),
    });
  });
});
