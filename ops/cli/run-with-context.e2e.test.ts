import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = 'ops/cli/main.ts';

describe('the qm command line with a bad configuration', () => {
  it('names LOG_LEVEL and exits 1, without a stack trace, when LOG_LEVEL is not a level', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, 'token', '--role', 'admin', '--sub', 'a'],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'verbose',
          AUTH_JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
          QM_DATA_DIR: 'memory://',
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Invalid configuration:\n- LOG_LEVEL: .*\nFix these environment variables/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });
});
