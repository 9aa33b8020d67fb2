import { readFileSync } from 'node:fs';
import { parsePlaybook, previousDefaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';

// docs/playbook-previous-defaults.json is the document a user dry-runs to see what the readings
// of docs/playbook.md (33–37) changed in their book; it must stay the domain's previous defaults.
describe('the previous defaults document', () => {
  it('is valid and equals previousDefaultPlaybook', () => {
    const file = new URL('../../../../../docs/playbook-previous-defaults.json', import.meta.url);
    const parsed = parsePlaybook(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.playbook).toEqual(previousDefaultPlaybook);
  });
});
