// Writes the dashboard's client types from the two OpenAPI documents, exactly as `qm serve` builds
// them (the whole system opened embedded on a throwaway data root, no port bound), through
// openapi-typescript. `--check` writes nothing and fails when a file is not current, so CI catches
// a route changed without regenerating: `npm run dashboard:types` (`-- --check`).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { loadConfig } from '../../infra/config/config.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { openSystem } from '../compose/system.ts';

const root = join(import.meta.dirname, '..', '..');
const check = process.argv.includes('--check');
const targets = {
  read: join(root, 'dashboard/src/api/read-api.generated.ts'),
  write: join(root, 'dashboard/src/api/write-api.generated.ts'),
};

const dataDir = mkdtempSync(join(tmpdir(), 'qm-api-types-'));
const system = await openSystem(
  loadConfig({ QM_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'api-types-only-secret-0123456789abcdef' }),
  createLogger('silent'),
  { projectors: false, fanout: false },
);
const stale: string[] = [];
try {
  const apis = { read: system.readApi, write: system.writeApi };
  for (const [name, app] of Object.entries(apis) as [keyof typeof apis, (typeof apis)['read']][]) {
    const document = (await (await app.request('/openapi.json')).json()) as Parameters<typeof openapiTS>[0];
    const ast = await openapiTS(document, { alphabetize: true });
    const header = `// Generated from the ${name} API's OpenAPI document by \`npm run dashboard:types\`. Do not edit.\n`;
    const text = await format(header + astToString(ast), {
      ...(await resolveConfig(targets[name])),
      filepath: targets[name],
    });
    const current = readFileSafe(targets[name]);
    if (current === text) continue;
    if (check) stale.push(targets[name]);
    else writeFileSync(targets[name], text);
  }
} finally {
  await system.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (stale.length > 0) {
  console.error(`Not current (run npm run dashboard:types): ${stale.join(', ')}`);
  process.exit(1);
}

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
