import type { TeamRole } from '@liaison/contracts';
import type { Person, RaciRole, WorkflowStepTemplate } from '@liaison/domain';
import { artefacts, artefactVersions, signOffs } from '../db/schema.ts';
import {
  type ArtefactRow,
  type ArtefactVersionRow,
  presentArtefact,
  type SignOffRow,
  type WorkflowInstanceRow,
  type WorkflowStepRow,
} from '../features/journey/index.ts';
import type { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { HistoryLog } from './demo-timeline.ts';

export type Member = Person & { role: TeamRole };

/** What a run reads about the organisation: who is on an account's team at an instant, the managers. */
export interface RunEnv {
  log: HistoryLog;
  ids: Random;
  teamAt(accountId: string, at: Date): Member[];
  /** TAM managers in the order the journey's facts list them for the region. */
  managers(region: string): Person[];
}

export interface JourneyRows {
  instances: WorkflowInstanceRow[];
  steps: WorkflowStepRow[];
  artefacts: ArtefactRow[];
  artefactVersions: ArtefactVersionRow[];
  signOffs: SignOffRow[];
}

export const emptyJourneyRows = (): JourneyRows => ({
  instances: [],
  steps: [],
  artefacts: [],
  artefactVersions: [],
  signOffs: [],
});

export interface RunAccount {
  id: string;
  segment: 'enterprise' | 'public_sector' | 'mid_market' | 'smb';
  region: string;
}

export interface Output {
  data?: Record<string, string | string[]>;
  activityId?: string;
  artefact?: { title: string; url: string };
  /** Sign-offs of the step (or of its artefact), each a minute apart before completion. */
  signOffs?: { role: RaciRole; signer: Person; contactId?: string }[];
}

/** Where a run's outputs go: its rows, and the history record of each at its instant. */
export interface Recorder {
  env: RunEnv;
  out: JourneyRows;
  record(
    at: Date,
    by: Person,
    entityType: 'artefact' | 'sign_off',
    entityId: string,
    before: object | null,
    after: object,
  ): void;
}

const artefactRow = rowsOf(artefacts);
const versionRow = rowsOf(artefactVersions);
const signOffRow = rowsOf(signOffs);

/** A step's document, as a link (what the artefacts API creates with a url). */
export function attachArtefact(
  recorder: Recorder,
  row: WorkflowStepRow,
  step: WorkflowStepTemplate,
  source: { title: string; url: string },
  at: Date,
  by: Person,
): ArtefactRow {
  const iso = at.toISOString();
  const artefact = artefactRow({
    id: recorder.env.ids.uuid(),
    accountId: row.accountId,
    stepRowId: row.id,
    title: source.title,
    kind: step.output!.kind,
    currentVersion: 1,
    version: 1,
    createdAt: iso,
    updatedAt: iso,
  });
  const version = versionRow({
    id: recorder.env.ids.uuid(),
    artefactId: artefact.id,
    number: 1,
    url: source.url,
    createdAt: iso,
    createdBy: by.userId,
    createdByName: by.name,
  });
  const { content: _content, ...kept } = version;
  recorder.out.artefacts.push(artefact);
  recorder.out.artefactVersions.push(kept);
  recorder.record(at, by, 'artefact', artefact.id, null, presentArtefact(artefact, [kept], [], step.signOff));
  return artefact;
}

export function recordSignOff(
  recorder: Recorder,
  row: WorkflowStepRow,
  artefact: ArtefactRow | null,
  input: { role: RaciRole; signer: Person; contactId?: string },
  at: Date,
  by: Person,
): void {
  const customer = input.role === 'customer';
  const recordedBy = customer ? by : input.signer;
  const signOff = signOffRow({
    id: recorder.env.ids.uuid(),
    accountId: row.accountId,
    stepRowId: artefact ? null : row.id,
    artefactId: artefact?.id ?? null,
    artefactVersion: artefact ? artefact.currentVersion : null,
    role: input.role,
    userId: customer ? null : input.signer.userId,
    contactId: customer ? (input.contactId ?? null) : null,
    signerName: input.signer.name,
    recordedBy: recordedBy.userId,
    recordedByName: recordedBy.name,
    signedAt: at.toISOString(),
    note: null,
  });
  recorder.out.signOffs.push(signOff);
  recorder.record(at, recordedBy, 'sign_off', signOff.id, null, { ...signOff });
}
