/**
 * Salesforce record Ids. The 15-character form is case-sensitive; the 18-character form adds a
 * 3-character suffix that encodes the case of the first 15, so that case-insensitive tools
 * (spreadsheets, some databases) cannot merge two Ids. Liaison stores the 18-character form;
 * both forms name the same record.
 */

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_15 = /^[a-zA-Z0-9]{15}$/;
const ID_18 = /^[a-zA-Z0-9]{18}$/;

/**
 * The 3-character suffix of a 15-character Id: for each 5-character chunk, one bit per
 * upper-case letter (the first character is the lowest bit), used as an index into A–Z0–5.
 */
export function salesforceChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let position = 0; position < 5; position++) {
      const code = id15.charCodeAt(chunk * 5 + position);
      if (code >= 65 && code <= 90) bits |= 1 << position;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return suffix;
}

export type SalesforceIdResult = { id: string } | { error: string };

/**
 * Accepts a 15- or 18-character Id and returns the 18-character form. An 18-character Id must
 * carry the checksum of its first 15 characters exactly; when only the letter case is off (a
 * spreadsheet upper-cased it), the message names the Id the checksum points to.
 */
export function parseSalesforceId(text: string): SalesforceIdResult {
  const value = text.trim();
  if (ID_18.test(value)) {
    const expected = salesforceChecksum(value);
    if (value.slice(15) === expected) return { id: value };
    const restored = restoreCase(value);
    const hint = restored && restored !== value ? ` (its letter case was changed: ${restored}?)` : '';
    return {
      error: `"${value}" is not a valid Salesforce Id: the checksum ${value.slice(15)} does not match ${expected}${hint}`,
    };
  }
  if (ID_15.test(value)) return { id: `${value}${salesforceChecksum(value)}` };
  return { error: `"${clip(value)}" is not a Salesforce Id (15 or 18 letters and digits)` };
}

/** The Id with each letter's case taken from the checksum, or null when the suffix is not a checksum. */
export function restoreCase(id18: string): string | null {
  const suffix = id18.slice(15).toUpperCase();
  let result = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = CHECKSUM_ALPHABET.indexOf(suffix[chunk]!);
    if (bits < 0) return null;
    for (let position = 0; position < 5; position++) {
      const char = id18[chunk * 5 + position]!;
      result += bits & (1 << position) ? char.toUpperCase() : char.toLowerCase();
    }
  }
  const candidate = `${result}${suffix}`;
  return salesforceChecksum(candidate) === suffix ? candidate : null;
}

export function isSalesforceId(text: string): boolean {
  return 'id' in parseSalesforceId(text);
}

export function clip(value: string, max = 40): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
