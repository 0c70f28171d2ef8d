import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The flags Debian's Chromium needs headless in a container, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, headless, on a fresh user-data directory (`profile`, made by the caller). */
export function launchChromium(
  profile: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
}

/**
 * Signs the page's tabs in with `token` as the sign-in page's pasted-token form leaves them: the
 * session in sessionStorage (the browser test drives the form itself once; the others start here).
 */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  const session = JSON.stringify({
    accessToken: token,
    refreshToken: null,
    expiresAt: Date.now() + 3_600_000,
  });
  await page.addInitScript({
    content: `sessionStorage.setItem('qm.dashboard.session', ${JSON.stringify(session)});`,
  });
}

/** axe-core, injected into each page checked. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.1 A and AA rules by axe-core on the page as it stands: the serious or critical violations,
 * each as `rule (impact): targets`. A test expects none.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } };
    const results = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
