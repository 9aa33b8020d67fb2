import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The README promises Node ≥ 20.19 (package.json `engines`). A dependency that wants more breaks
// that promise quietly: npm only warns (EBADENGINE). This holds every package the lockfile
// installs to the promise, and to the Node running the tests.

const root = new URL('../../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
};
const lockfile = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; link?: boolean; engines?: { node?: string } | string[] }>;
};

/** `name@version: wants node <range>` for every locked package whose range leaves `node` out. */
function excluding(node: string): string[] {
  const refused: string[] = [];
  for (const [where, entry] of Object.entries(lockfile.packages)) {
    if (where === '' || entry.link || !entry.engines || Array.isArray(entry.engines)) continue;
    const range = entry.engines.node;
    if (!range) continue;
    if (!semver.satisfies(node, range, { includePrerelease: true })) {
      const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
      refused.push(`${name}@${entry.version}: wants node ${range}`);
    }
  }
  return refused;
}

describe('the Node version Liaison promises', () => {
  const promised = semver.minVersion(manifest.engines.node)!.version;

  it(`every installed package accepts the oldest Node promised (${manifest.engines.node})`, () => {
    expect(promised).toBe('20.19.0');
    expect(excluding(promised)).toEqual([]);
  });

  it(`every installed package accepts the Node running this (${process.version})`, () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
    expect(excluding(process.version)).toEqual([]);
  });
});
