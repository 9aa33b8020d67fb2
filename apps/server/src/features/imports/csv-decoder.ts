import { isAscii, isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { ImportFileError } from './csv-reader.ts';

/**
 * The upload's bytes → UTF-8 bytes for csv-parse, the encoding decided at the start
 * (docs/import-export.md#encodings):
 * - UTF-8 (with or without BOM) passes through unchanged, only checked (`isUtf8`, native);
 * - UTF-16 with a byte-order mark is transcoded; without one (NUL-heavy first bytes) the file
 *   is refused at once, and so is UTF-32;
 * - a file that is clearly not UTF-8 — its first byte that is not ASCII starts no valid UTF-8
 *   sequence — is read as Windows-1252 (which covers Latin-1: `é` is 0xE9), what spreadsheets on
 *   Windows and older Salesforce exports write;
 * - a file that mixes both (valid UTF-8, then a byte that is not) is refused, naming the line.
 */

/** How many first bytes decide between text and UTF-16 without a byte-order mark. */
const SAMPLE_BYTES = 4_096;
const EMPTY = Buffer.alloc(0);

type Mode = 'start' | 'ascii' | 'utf-8' | 'windows-1252' | 'utf-16';

/** The length of `bytes` without a UTF-8 sequence cut at its end (kept for the next chunk). */
function completeLength(bytes: Buffer): number {
  for (let index = bytes.length - 1; index >= Math.max(0, bytes.length - 3); index--) {
    const byte = bytes[index]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (byte < 0xc0) return bytes.length; // ASCII, or a stray continuation: nothing cut
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return bytes.length - index < needed ? index : bytes.length;
  }
  return bytes.length;
}

/** The offset of the first byte that starts no valid UTF-8 sequence (WHATWG's rules). */
export function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf
        ? 2
        : byte >= 0xe0 && byte <= 0xef
          ? 3
          : byte >= 0xf0 && byte <= 0xf4
            ? 4
            : 0;
    if (length === 0 || !isUtf8(bytes.subarray(index, index + length))) return index;
    index += length;
  }
  return bytes.length;
}

const count = (value: number) => value.toLocaleString('en-US');

// Windows-1252 is Latin-1 but for 0x80–0x9F, where it has €, curly quotes, dashes, Œ, Ž, ™ …
// (five bytes stay control characters). Node 20's TextDecoder('windows-1252') decodes that range
// as Latin-1's control characters, so the range is mapped here.
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes (one character each: nothing carries over between chunks) as UTF-8. */
export function windows1252ToUtf8(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  return Buffer.from(
    text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_80_9F[char.charCodeAt(0) - 0x80]!),
    'utf8',
  );
}

export function uploadDecoder(): Transform {
  let mode: Mode = 'start';
  let head: Buffer[] = [];
  let headLength = 0;
  let pending: Buffer = EMPTY;
  let utf16: TextDecoder | null = null;
  // Where the bytes handed on so far end: for the message about a mixed file.
  let offset = 0;
  let line = 1;

  function handOn(bytes: Buffer): Buffer {
    offset += bytes.length;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) line += 1;
    return bytes;
  }

  function refuseMixed(bytes: Buffer, bad: number): ImportFileError {
    const before = bytes.subarray(0, bad);
    let badLine = line;
    for (let at = before.indexOf(10); at !== -1; at = before.indexOf(10, at + 1)) badLine += 1;
    const byte = `0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return new ImportFileError(
      `The file is not valid UTF-8: line ${count(badLine)} (byte ${count(offset + bad + 1)}) holds the byte ${byte}, while ` +
        'earlier lines are UTF-8. Save the file as UTF-8 ("CSV UTF-8" in Excel) and import it again.',
    );
  }

  /** The first bytes decide the encoding. */
  function begin(bytes: Buffer): void {
    if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
      throw new ImportFileError('The file is UTF-32, which an import does not read: save it as UTF-8.');
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      mode = 'utf-16';
      utf16 = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
      return;
    }
    const sample = bytes.subarray(0, SAMPLE_BYTES);
    let nuls = 0;
    for (let at = sample.indexOf(0); at !== -1; at = sample.indexOf(0, at + 1)) nuls += 1;
    if (sample.length >= 2 && nuls * 4 >= sample.length) {
      throw new ImportFileError(
        `The file looks like UTF-16 (or UTF-32) without a byte-order mark: ${count(nuls)} of its first ` +
          `${count(sample.length)} bytes are NUL. Save it as UTF-8 ("CSV UTF-8" in Excel) and import it again.`,
      );
    }
    mode = 'ascii';
  }

  /** UTF-8 (or ASCII so far): checked, handed on unchanged; a chunk's cut-off end waits. */
  function utf8(chunk: Buffer, end: boolean): Buffer {
    const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    const cut = end ? bytes.length : completeLength(bytes);
    const complete = bytes.subarray(0, cut);
    if (isUtf8(complete)) {
      pending = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : EMPTY;
      if (mode === 'ascii' && !isAscii(complete)) mode = 'utf-8';
      return handOn(complete);
    }
    const bad = firstInvalidUtf8(complete);
    if (mode === 'ascii' && isAscii(complete.subarray(0, bad))) {
      // Nothing but ASCII before the first byte that is not UTF-8: the file is Windows-1252.
      mode = 'windows-1252';
      pending = EMPTY;
      return handOn(windows1252ToUtf8(bytes));
    }
    throw refuseMixed(complete, bad);
  }

  function decode(chunk: Buffer, end: boolean): Buffer {
    if (mode === 'start') {
      begin(chunk);
    }
    if (mode === 'ascii' || mode === 'utf-8') return utf8(chunk, end);
    if (mode === 'windows-1252') return handOn(windows1252ToUtf8(chunk));
    return handOn(Buffer.from(utf16!.decode(chunk, { stream: !end }), 'utf8'));
  }

  function run(transform: Transform, callback: TransformCallback, step: () => Buffer | null): void {
    try {
      const bytes = step();
      if (bytes && bytes.length > 0) transform.push(bytes);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      run(this, callback, () => {
        if (mode !== 'start') return decode(chunk, false);
        // Wait for enough bytes to tell UTF-16 from text.
        head.push(chunk);
        headLength += chunk.length;
        if (headLength < SAMPLE_BYTES) return null;
        const first = Buffer.concat(head);
        head = [];
        return decode(first, false);
      });
    },
    flush(callback) {
      run(this, callback, () => {
        if (mode === 'start') return headLength > 0 ? decode(Buffer.concat(head), true) : null;
        return decode(EMPTY, true);
      });
    },
  });
}
