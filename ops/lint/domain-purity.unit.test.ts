import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule that keeps domain/ pure is the project's own eslint.config.js, linted here on
 * sample text as if it stood in a folder. Type information is switched off: these rules need none.
 */
const eslint = new ESLint({
  cwd: `${import.meta.dirname}/../..`,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function ruleMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('lint: domain/ stays pure', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'no-restricted-imports'],
    ["import pg from 'pg';\nexport const p = pg;", 'no-restricted-imports'],
    ["import { x } from '../../infra/config/config.ts';\nexport const y = x;", 'no-restricted-imports'],
    ['export const now = Date.now();', 'no-restricted-properties'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['export const d = new Date();', 'no-restricted-syntax'],
    ['export const e = process.env.X;', 'no-restricted-globals'],
  ])('refuses %s', async (code, rule) => {
    const messages = await ruleMessages('domain/orders/sample.ts', code);
    expect(messages.some((message) => message.startsWith(`${rule}:`))).toBe(true);
  });

  it('accepts pure code importing domain/ siblings, and time passed in', async () => {
    const code =
      "import { type Money } from '../money.ts';\nexport const at = (iso: string): Date => new Date(iso);\nexport type M = Money;";
    expect(await ruleMessages('domain/orders/sample.ts', code)).toEqual([]);
  });

  it('keeps the import column for other layers: commands/ may not import infra/', async () => {
    const code = "import { x } from '../infra/config/config.ts';\nexport const y = x;";
    expect(await ruleMessages('commands/sample.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*infra/),
    ]);
  });
});
