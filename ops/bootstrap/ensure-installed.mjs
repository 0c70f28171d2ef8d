// Runs before `npm start` and `npm test` so that the quick start is two commands on a fresh clone:
// it installs exactly what the lockfile says (npm ci) when node_modules was not installed from
// this very lockfile. The lockfile's hash is kept in node_modules to tell. Then it builds the
// dashboard when needed (ensure-dashboard-built.mjs).
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const stamp = 'node_modules/.qm-lockfile-sha256';
const hash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
  console.error('Installing dependencies from package-lock.json (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, hash);
}

// Then the dashboard: built when missing or stale.
await import('./ensure-dashboard-built.mjs');
