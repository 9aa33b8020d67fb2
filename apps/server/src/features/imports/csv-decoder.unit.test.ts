import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, uploadDecoder, windows1252ToUtf8 } from './csv-decoder.ts';
import { ImportFileError } from './csv-reader.ts';

/** The decoder's output for `bytes` cut into chunks of `size` bytes (every boundary, with 1). */
async function decode(bytes: Buffer, size = bytes.length || 1): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const output: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    uploadDecoder(),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        output.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(output);
}

const CSV = 'Name,Industry\r\nCafé Crème,Bäckerei – 🙂\r\nZoë,€\r\n';

describe('the upload decoder', () => {
  it.each([1, 2, 3, 7, 4_096, 100_000])(
    'passes UTF-8 through unchanged, in chunks of %i bytes',
    async (size) => {
      const utf8 = Buffer.from(`\uFEFF${CSV}`, 'utf8');
      expect((await decode(utf8, size)).equals(utf8)).toBe(true);
    },
  );

  it.each([1, 5, 4_096])(
    'reads a Latin-1 / Windows-1252 file as such, in chunks of %i bytes',
    async (size) => {
      // é is 0xE9 and € is 0x80 in Windows-1252: no valid UTF-8 starts so.
      const latin1 = Buffer.from([
        ...Buffer.from('Name,Industry\r\nCaf'),
        0xe9,
        ...Buffer.from(',Cr'),
        0xe8,
        ...Buffer.from('me '),
        0x80,
        ...Buffer.from('\r\nZo'),
        0xeb,
      ]);
      expect((await decode(latin1, size)).toString('utf8')).toBe('Name,Industry\r\nCafé,Crème €\r\nZoë');
    },
  );

  it('switches to Windows-1252 at the first byte that is not UTF-8, deep in an ASCII file', async () => {
    const ascii = 'Name\n'.repeat(10_000);
    const bytes = Buffer.concat([Buffer.from(ascii), Buffer.from([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e])]);
    expect((await decode(bytes, 1_000)).toString('utf8')).toBe(`${ascii}Jürgen`);
  });

  it.each([
    ['UTF-16LE', 'utf16le', [0xff, 0xfe]],
    ['UTF-16BE', 'utf16be', [0xfe, 0xff]],
  ] as const)('transcodes %s with a byte-order mark', async (_name, encoding, bom) => {
    const little = Buffer.from(CSV, 'utf16le');
    const body = encoding === 'utf16le' ? little : Buffer.from(little).swap16();
    const bytes = Buffer.concat([Buffer.from(bom), body]);
    for (const size of [1, 3, 4_096]) expect((await decode(bytes, size)).toString('utf8')).toBe(CSV);
  });

  it('refuses UTF-16 without a byte-order mark at once, before the upload ends', async () => {
    const decoder = uploadDecoder();
    const failed = new Promise<Error>((resolve) => decoder.on('error', resolve));
    decoder.write(Buffer.from(CSV.repeat(200), 'utf16le'));
    const error = await failed;
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error.message).toMatch(
      /^The file looks like UTF-16 \(or UTF-32\) without a byte-order mark: \d,\d{3} of its first 4,096 bytes are NUL\. Save it as UTF-8/,
    );
  });

  it('refuses UTF-32, and a short UTF-16 file without a byte-order mark', async () => {
    await expect(decode(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).rejects.toThrow(/UTF-32/);
    await expect(decode(Buffer.from('Name\n', 'utf16le'))).rejects.toThrow(
      /UTF-16 \(or UTF-32\) without a byte-order mark/,
    );
  });

  it('lets a few NUL bytes through: the rows that hold them are reported', async () => {
    const bytes = Buffer.from(`${'Name,Industry\n'.repeat(100)}A\u0000,B\n`);
    expect((await decode(bytes)).equals(bytes)).toBe(true);
  });

  it('refuses a file that is UTF-8 and then not, naming the line and the byte', async () => {
    const bytes = Buffer.concat([Buffer.from('Name\r\nZoë\r\nAcme\r\nCaf'), Buffer.from([0xe9, 0x0d, 0x0a])]);
    for (const size of [1, 4_096]) {
      await expect(decode(bytes, size)).rejects.toThrow(
        'The file is not valid UTF-8: line 4 (byte 22) holds the byte 0xE9, while earlier lines are UTF-8.',
      );
    }
  });

  it('refuses a UTF-8 file cut in the middle of a character', async () => {
    const bytes = Buffer.from('Name\nZoë\nCafé').subarray(0, -1);
    await expect(decode(bytes)).rejects.toThrow(/line 3 \(byte 14\) holds the byte 0xC3/);
  });

  it('reads an empty upload as nothing', async () => {
    expect((await decode(Buffer.alloc(0))).length).toBe(0);
  });

  it("maps Windows-1252's 0x80–0x9F as the standard does, the rest as Latin-1", () => {
    const bytes = Buffer.from([0x80, 0x81, 0x91, 0x92, 0x93, 0x94, 0x96, 0x99, 0x9f, 0xe9, 0xff, 0x41]);
    expect(windows1252ToUtf8(bytes).toString('utf8')).toBe('€\u0081‘’“”–™Ÿéÿ' + 'A');
  });

  it('finds the first byte that starts no valid UTF-8 sequence', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x62]))).toBe(3);
    // Overlong forms and surrogates are not UTF-8 either.
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
  });
});
