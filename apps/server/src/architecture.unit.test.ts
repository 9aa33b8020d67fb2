import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The architecture rules of docs/architecture.md are code (.dependency-cruiser.cjs, run by
// `npm run lint`). These tests plant a violation of each kind in a scratch feature and check
// that the rule named for it catches it, so a rule weakened by mistake fails here.
const root = new URL('../../../', import.meta.url).pathname;
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));
const scratch = join(root, 'apps/server/src/features/zz-planted');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function violationsOf(file: string, source: string): Promise<string[]> {
  mkdirSync(scratch, { recursive: true });
  const path = join(scratch, file);
  writeFileSync(path, source);
  try {
    const { enhancedResolveOptions, tsConfig: _tsConfig, ...options } = config.options;
    const result: IReporterOutput = await cruise(
      [path.slice(root.length)],
      { ...options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir: root },
      enhancedResolveOptions,
    );
    if (typeof result.output === 'string') throw new Error(result.output);
    return result.output.summary.violations.map((violation) => violation.rule.name);
  } finally {
    rmSync(path);
  }
}

describe('the architecture rules catch a planted violation', () => {
  it.each([
    [
      'another feature’s store',
      'planted.service.ts',
      "import { accountsStore } from '../accounts/accounts.store.ts';\nexport const x = accountsStore;\n",
      'feature-internals-stay-inside',
    ],
    [
      'a query in a service',
      'planted.service.ts',
      "import { sql } from 'drizzle-orm';\nexport const x = sql`SELECT 1`;\n",
      'queries-only-in-stores',
    ],
    [
      'the HTTP layer in a service',
      'planted.service.ts',
      "import { requireVersion } from '../../http/versioning.ts';\nexport const x = requireVersion;\n",
      'http-only-for-routes',
    ],
    [
      'a store in a route',
      'planted.routes.ts',
      "import { usersDirectory } from '../users/index.ts';\nimport { x } from './planted.store.ts';\nexport const y = [usersDirectory, x];\n",
      'routes-call-services',
    ],
  ])('%s', { timeout: 60_000 }, async (_name, file, source, rule) => {
    if (file.endsWith('.routes.ts'))
      writeFileSync(join(scratch, 'planted.store.ts'), 'export const x = 1;\n');
    expect(await violationsOf(file, source)).toContain(rule);
  });

  it('and stays quiet on the same feature going through an entry point', { timeout: 60_000 }, async () => {
    const source = "import { changeAccount } from '../accounts/index.ts';\nexport const x = changeAccount;\n";
    expect(await violationsOf('planted.service.ts', source)).toEqual([]);
  });
});
