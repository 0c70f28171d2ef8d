import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/**
 * A clone holds only the repository, so a pointer to a document beside it (the design notes that
 * lived in a sibling folder) leads nowhere. The needle is assembled so this file does not match it.
 */
const needle = ['..', 'shared'].join('/');

/** Tracked files plus new ones not yet committed (but not ignored ones such as node_modules). */
function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  return output.split('\0').filter((path) => path.length > 0);
}

describe('the repository points only inside itself', () => {
  it(`has no reference to ${needle}`, () => {
    const offenders = repositoryFiles().flatMap((path) => {
      let text: string;
      try {
        text = readFileSync(join(root, path), 'utf8');
      } catch {
        return []; // deleted in the work tree but still in the index
      }
      return text
        .split('\n')
        .flatMap((line, index) => (line.includes(needle) ? [`${path}:${index + 1}: ${line.trim()}`] : []));
    });
    expect(offenders, 'point to docs/architecture.md (in the repository) instead').toEqual([]);
  });
});
