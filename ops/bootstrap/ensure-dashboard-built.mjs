// Builds the dashboard (served by the read API under /dashboard) when its build is missing or was
// made from other sources: the sources' hash is kept in the build. Run by `npm start` and `npm test`
// (through ensure-installed.mjs) and by the browser tests, so the quick start opens a working app.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

process.chdir(join(import.meta.dirname, '..', '..'));

/** Every file the build reads, in a stable order (the app, its config, the permission table, the lockfile). */
function dashboardSources() {
  const files = [
    'dashboard/index.html',
    'dashboard/vite.config.ts',
    'domain/access/permissions.ts',
    'package-lock.json',
  ];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('dashboard/src');
  return files;
}

const built = 'dashboard/dist/.qm-sources-sha256';
const sources = createHash('sha256');
for (const file of dashboardSources()) sources.update(file).update(readFileSync(file));
const sourcesHash = sources.digest('hex');
if (!existsSync(built) || readFileSync(built, 'utf8') !== sourcesHash) {
  console.error('Building the dashboard (npm run dashboard:build)...');
  // Always the production build: run from vitest (NODE_ENV=test) Vite made React's development
  // build, 613 KB instead of 383 KB, and left it in dist/ for `npm start` and the benchmark.
  execSync('npm run -s dashboard:build', {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(built, sourcesHash);
}
