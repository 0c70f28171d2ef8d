// `npm run screenshots`: a screenshot of every dashboard page, written to docs/screenshots/ and
// shown in the README. Not part of `npm test` (so a test run leaves the tree clean): run it by hand
// after a visible change and commit the PNGs. It seeds a demo shop (`qm seed --demo`, 45 days so it
// takes minutes, not a quarter of an hour), adds a few shoppers' carts, serves it embedded, and
// drives Debian's Chromium through each page once its data is drawn.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { mintToken } from '../infra/auth/mint-token.ts';
import { launchChromium, signInWithToken } from './dashboard-browser.ts';
import { freePort, spawnQm, spawnQmServe } from './qm-serve-process.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
const SECRET = 'dashboard-screenshots-secret-0123456789abcdef';
const viewport = { width: 1280, height: 900 };

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the page has nothing loading and every chart on it is drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    `document.querySelectorAll('.loading').length === 0 &&
      [...document.querySelectorAll('figure.chart')].every((chart) => chart.getAttribute('data-drawn') === 'true')`,
    undefined,
    { timeout: 60_000 },
  );
}

async function shoot(page: Page, name: string, url: string, ready?: (page: Page) => Promise<void>) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await ready?.(page);
  await settled(page);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  say(`docs/screenshots/${name}.png`);
}

execFileSync(process.execPath, ['ops/bootstrap/ensure-dashboard-built.mjs'], { cwd: root, stdio: 'inherit' });
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'qm-screenshots-'));
const profile = mkdtempSync(join(tmpdir(), 'qm-screenshots-chromium-'));
const env = { QM_DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET };
try {
  say('seeding the demo shop...');
  const seed = spawnQm('seed', env, ['--demo', '--days', '45']);
  if ((await seed.exited(1_800_000)) !== 0) throw new Error(`qm seed failed:\n${seed.output()}`);

  const [port, readPort] = [await freePort(), await freePort()];
  const command = `http://127.0.0.1:${port}`;
  const read = `http://127.0.0.1:${readPort}`;
  const serve = spawnQmServe({ ...env, PORT: String(port), READ_PORT: String(readPort) });
  try {
    await serve.serving(300_000);
    const admin = await mintToken({ secret: SECRET, role: 'admin', subject: 'admin-1' });
    const get = async <T>(path: string) =>
      (await (await fetch(`${read}${path}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as T;
    say('waiting for the projectors to catch up...');
    for (;;) {
      const { projectors = [] } = await get<{ projectors?: { lagEvents: number }[] }>('/admin/projections');
      if (projectors.length > 0 && projectors.every((p) => p.lagEvents === 0)) break;
      await sleep(2000);
    }

    // A few shoppers' carts, so the Carts page shows some.
    const products = await get<{ items: { productId: string; name: string }[] }>('/products?limit=5');
    for (const [index, product] of products.items.entries()) {
      const shopper = await mintToken({ secret: SECRET, role: 'customer', subject: `shopper-${index + 1}` });
      const send = (path: string, body: unknown) =>
        fetch(`${command}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${shopper}`,
            'idempotency-key': `screenshots-${index}-${path}`,
          },
          body: JSON.stringify(body),
        });
      await send('/carts', { cartId: `cart-${index + 1}`, currency: 'EUR' });
      await send(`/carts/cart-${index + 1}/lines`, {
        productId: product.productId,
        quantity: 1 + (index % 3),
      });
    }
    const orders = await get<{ items: { orderId: string }[] }>('/staff/orders?limit=1');
    const product = products.items[0]!;

    const browser = await launchChromium(profile, { viewport });
    try {
      const signIn = browser.pages()[0] ?? (await browser.newPage());
      await shoot(signIn, 'sign-in', `${read}/dashboard/sign-in`);
      const page = await browser.newPage();
      await signInWithToken(page, admin);
      const dashboard = `${read}/dashboard`;
      await shoot(page, 'overview', `${dashboard}/`);
      await shoot(page, 'inventory', `${dashboard}/inventory`);
      await shoot(page, 'orders', `${dashboard}/orders`);
      await shoot(page, 'order', `${dashboard}/orders/${encodeURIComponent(orders.items[0]!.orderId)}`);
      await shoot(page, 'catalog', `${dashboard}/catalog`);
      await shoot(page, 'product', `${dashboard}/catalog/${encodeURIComponent(product.productId)}`);
      await shoot(page, 'carts', `${dashboard}/carts`);
      await shoot(page, 'reports', `${dashboard}/reports`);
      await shoot(page, 'audit', `${dashboard}/audit`);
      await shoot(page, 'system', `${dashboard}/system`, (p) =>
        p.getByRole('region', { name: 'Backends' }).getByRole('table').waitFor(),
      );
    } finally {
      await browser.close();
    }
  } finally {
    serve.child.kill('SIGTERM');
    await serve.exited(60_000).catch(() => undefined);
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
