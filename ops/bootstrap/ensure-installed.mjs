// Runs before `npm start` and `npm test` so that the quick start is two commands on a fresh clone:
// it installs exactly what the lockfile says when node_modules is missing or older than the lockfile.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.error('Installing dependencies from package-lock.json (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
