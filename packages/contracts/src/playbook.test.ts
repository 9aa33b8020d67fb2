import { type Playbook as DomainPlaybook, defaultPlaybook } from '@liaison/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Playbook, PlaybookCandidate, PlaybookDocument, PutPlaybookRequest } from './assessments.ts';

describe('the playbook in the contracts', () => {
  it("is the domain's document, type and all", () => {
    expectTypeOf<Playbook>().toEqualTypeOf<DomainPlaybook>();
    const served = { version: 0, playbook: defaultPlaybook, createdAt: null, createdBy: null, note: null };
    expect(PlaybookDocument.parse(served).playbook).toEqual(defaultPlaybook);
  });

  it('reads a document from before the ticket window setting with its default', () => {
    const { supportTicketWindowDays: _, ...health } = defaultPlaybook.health;
    const stored = { version: 1, playbook: { ...defaultPlaybook, health }, createdAt: null, createdBy: null };
    const parsed = PlaybookDocument.parse({ ...stored, note: 'before the window setting' });
    expect(parsed.playbook.health.supportTicketWindowDays).toBe(30);
  });

  it('takes any candidate object: the server validates it and lists every issue', () => {
    expect(PlaybookCandidate.safeParse({ playbook: { schemaVersion: 1 } }).success).toBe(true);
    expect(PutPlaybookRequest.safeParse({ playbook: { tiers: 'none' }, version: 0 }).success).toBe(true);
    expect(PlaybookCandidate.safeParse({ playbook: [] }).success).toBe(false);
  });
});
