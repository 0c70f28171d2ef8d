import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A read model's queries live beside its tables (`projections/<model>/`), and the read API serves
 * those very functions. A second home (`read-api/queries/`) once held twins of the same name that
 * answered differently while the projection tests passed on the copy the API never served; this
 * scan of the source keeps that from coming back.
 */
const root = join(import.meta.dirname, '..');
const scanned = ['projections', 'read-api'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => join(folder, path))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'));
}

// A query function is one whose first parameter is a Kysely handle (`db: Kysely<...>`).
const queryFunction =
  /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^>]*>)?\(\s*\w+\s*:\s*Kysely<|export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(\s*\w+\s*:\s*Kysely</g;

/** Each exported query function's name, with the files that export one by that name. */
function queryFunctionHomes(): Map<string, string[]> {
  const homes = new Map<string, string[]>();
  for (const file of scanned.flatMap(sourceFiles)) {
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(queryFunction)) {
      const name = (match[1] ?? match[2])!;
      homes.set(name, [...(homes.get(name) ?? []), file.split(sep).join('/')]);
    }
  }
  return homes;
}

describe('read-model query homes', () => {
  it('has no folder named queries under read-api/', () => {
    const folders = readdirSync(join(root, 'read-api'), { recursive: true, encoding: 'utf8' })
      .map((path) => join('read-api', path))
      .filter((path) => statSync(join(root, path)).isDirectory());
    expect(folders.filter((path) => path.split(sep).includes('queries'))).toEqual([]);
  });

  it('exports each query function from one file only, across projections/ and read-api/', () => {
    const homes = queryFunctionHomes();
    // The scan must see the functions the API serves, or it would pass on nothing.
    expect([...homes.keys()]).toEqual(
      expect.arrayContaining(['productDetail', 'searchProducts', 'orderDetail', 'auditEntries']),
    );
    const twins = [...homes].filter(([, files]) => files.length > 1);
    expect(twins).toEqual([]);
  });

  it('keeps every query function of read-api/ in projections/', () => {
    const inReadApi = [...queryFunctionHomes()].filter(([, files]) =>
      files.some((file) => file.startsWith('read-api/')),
    );
    expect(inReadApi).toEqual([]);
  });
});
