import fs from 'node:fs';
import { salesforceChecksum } from '@liaison/domain';

/**
 * A deterministic Salesforce-style account export, as Data Loader writes one: UTF-8 with a BOM,
 * CRLF, every cell quoted, 18-character Ids, standard and custom API names, columns Liaison does
 * not know (kept out by the import), a multi-line address, and one account in ten with a parent
 * (half of them later in the file). The same `rows` always give the same bytes.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `prefix` + 12 base-62 digits of `n`, with its checksum: a valid 18-character Id. */
export function salesforceId(prefix: string, n: number): string {
  let digits = '';
  let rest = n;
  for (let index = 0; index < 12; index++) {
    digits = BASE62[rest % 62]! + digits;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${prefix}${digits}`;
  return `${id15}${salesforceChecksum(id15)}`;
}

export const BENCH_USERS = 20;

const INDUSTRIES = ['Software', 'Banking', 'Retail', 'Healthcare', 'Manufacturing', 'Energy', 'Media'];
const TYPES = ['Customer - Direct', 'Customer - Channel', 'Prospect', 'Other'];
const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB', 'Public Sector'];
const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'];
const PLANS = ['free', 'premium', 'ultimate'];
const STAGES = ['', 'plan', 'plan;create', 'plan;create;verify', 'create;secure;release'];
const SENTIMENTS = ['', 'Green', 'Yellow', 'Red'];

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
const line = (cells: string[]) => `${cells.map(quote).join(',')}\r\n`;

export const ACCOUNT_HEADERS = [
  'Id',
  'IsDeleted',
  'Name',
  'Type',
  'ParentId',
  'Industry',
  'OwnerId',
  'BillingStreet',
  'ARR__c',
  'Segment__c',
  'Region__c',
  'Plan__c',
  'Licensed_Users__c',
  'Active_Users__c',
  'Stages_Adopted__c',
  'Renewal_Date__c',
  'TAM_Sentiment__c',
  'CreatedDate',
];

function accountRow(index: number, rows: number): string[] {
  // One account in ten has a parent: the one five rows before, or (every other time) five after.
  const parent = index % 10 === 5 ? (index % 20 === 5 && index + 5 < rows ? index + 5 : index - 5) : -1;
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const licensed = 10 + ((index * 37) % 5_000);
  return [
    salesforceId('001', index),
    'false',
    `Account ${index} "${INDUSTRIES[index % 7]}", Ltd`,
    TYPES[index % 4]!,
    parent >= 0 ? salesforceId('001', parent) : '',
    INDUSTRIES[index % 7]!,
    salesforceId('005', index % BENCH_USERS),
    `${index} Main Street\r\nSuite ${index % 100}`,
    `${(index * 7_919) % 2_000_000}.${String(index % 100).padStart(2, '0')}`,
    SEGMENTS[index % 4]!,
    REGIONS[(index >> 2) % 4]!,
    PLANS[index % 3]!,
    String(licensed),
    String(Math.floor(licensed * 0.8)),
    STAGES[index % 5]!,
    `2027-${month}-${day}`,
    SENTIMENTS[index % 4]!,
    `2024-${month}-${day}T10:00:00.000+0000`,
  ];
}

/** Writes the account file; resolves to its size in bytes. */
export async function writeAccountsFile(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  let buffer = `\uFEFF${line(ACCOUNT_HEADERS)}`;
  for (let index = 0; index < rows; index++) {
    buffer += line(accountRow(index, rows));
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buffer, () => resolve()).on('error', reject));
  return fs.statSync(file).size;
}

/** The owners the account file refers to. */
export function usersFile(): string {
  let text = `\uFEFF${line(['Id', 'FirstName', 'LastName', 'Email', 'IsActive', 'Roles__c'])}`;
  for (let index = 0; index < BENCH_USERS; index++) {
    text += line([
      salesforceId('005', index),
      'Owner',
      String(index),
      `owner${index}@example.com`,
      'true',
      'ae;sal',
    ]);
  }
  return text;
}
