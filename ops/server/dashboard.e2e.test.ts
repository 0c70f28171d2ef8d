import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.ts';
import { freePort, spawnQmServe, type QmServe } from '../../test-support/qm-serve-process.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

const SECRET = 'dashboard-e2e-secret-0123456789abcdef';
const root = join(import.meta.dirname, '..', '..');

/** The flags Debian's Chromium needs headless in a container, and nothing that phones home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `npm test` runs the embedded case only; `npm run test:soak` (QM_SOAK=1) also runs it on
 * PostgreSQL, and adds a threshold edit and a replay started from the System page.
 */
const soak = process.env.QM_SOAK === '1';
const backends = soak ? (['embedded', 'postgres'] as const) : (['embedded'] as const);

/**
 * The dashboard in Debian's Chromium against `qm serve` (embedded: PGlite, chDB, as the quick start
 * runs it): sign in with a pasted token, the overview's figures against the API's, the inventory's
 * low stock and ledger chart, an order's time travel, and a live update arriving.
 */
describe.each(backends)('the dashboard in a browser, against qm serve (%s)', (backend) => {
  let database: TestDatabase | undefined;
  let serve: QmServe;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  let dataDir: string;
  let urls: { command: string; read: string };
  let admin: string;

  const post = async (path: string, body: unknown) => {
    const answer = await fetch(`${urls.command}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as Record<string, unknown>;
  };
  const placeOrder = (orderId: string) =>
    post('/orders', {
      orderId,
      customerId: 'cust-1',
      currency: 'EUR',
      lines: [{ productId: 'lamp', quantity: 2 }],
      shippingAddress: berlinAddress,
    });

  beforeAll(async () => {
    execFileSync(process.execPath, ['ops/bootstrap/ensure-dashboard-built.mjs'], {
      cwd: root,
      stdio: 'inherit',
    });
    dataDir = mkdtempSync(join(tmpdir(), 'qm-dashboard-e2e-'));
    profile = mkdtempSync(join(tmpdir(), 'qm-chromium-'));
    const [port, readPort] = [await freePort(), await freePort()];
    urls = { command: `http://127.0.0.1:${port}`, read: `http://127.0.0.1:${readPort}` };
    database = backend === 'postgres' ? await createTestDatabase('qm_dashboard') : undefined;
    serve = spawnQmServe({
      ...(database ? { DATABASE_URL: database.url } : {}),
      QM_DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      PORT: String(port),
      READ_PORT: String(readPort),
    });
    await serve.serving(150_000); // a loaded machine starts PGlite and chDB slowly
    admin = await mintToken({ secret: SECRET, role: 'admin', subject: 'admin-1' });
    await post('/locations', { locationId: 'berlin', name: 'Berlin' });
    await post('/products', {
      productId: 'lamp',
      sku: 'LAMP-1',
      name: 'Desk lamp',
      brand: 'Acme',
      category: 'lights',
      price: { amount: 2500, currency: 'EUR' },
    });
    await post('/stock/receipts', { sku: 'LAMP-1', location: 'berlin', quantity: 10, reference: null });
    await post('/stock/thresholds', { sku: 'LAMP-1', location: 'berlin', threshold: 20 });
    await placeOrder('order-1');
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    serve?.child.kill('SIGTERM');
    await serve?.exited(30_000).catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('signs in with a pasted token and shows the overview, inventory, an order in time and a live order', async () => {
    // The figures the overview must draw: today's orders as the API counts them, once ClickHouse has them.
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ordersToday = async () => {
      const answer = await fetch(
        `${urls.read}/admin/analytics/reports/sales?from=${today}&to=${tomorrow}&granularity=day`,
        { headers: { authorization: `Bearer ${admin}` } },
      );
      const { rows } = (await answer.json()) as { rows: { orders: string | number }[] };
      return rows.reduce((sum, row) => sum + Number(row.orders), 0);
    };
    await waitUntil("today's order in ClickHouse", async () => (await ordersToday()) === 1, 60_000);

    await page.goto(`${urls.read}/dashboard/`);
    await page.getByRole('heading', { name: 'Sign in to Quartermaster' }).waitFor();
    await page.getByLabel(/paste a token/).fill(admin);
    await page.getByRole('button', { name: 'Use token' }).click();

    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await expect.poll(() => page.getByTestId('orders-today').locator('dd').first().textContent()).toBe('1');
    expect(await page.getByTestId('revenue-today').locator('dd').first().textContent()).toContain('50');
    await page.locator('figure[data-drawn="true"]').first().waitFor();
    // Low stock from the inventory read model, on the overview and the inventory page.
    await page.getByRole('cell', { name: 'LAMP-1' }).first().waitFor();

    await page.getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('heading', { name: 'Inventory' }).waitFor();
    await page.getByRole('button', { name: 'LAMP-1' }).first().click();
    await page.getByRole('heading', { name: /LAMP-1 at berlin: movements/ }).waitFor();
    await page.locator('figure[aria-label^="On hand over time"][data-drawn="true"]').waitFor();

    // Time travel: the order as it stood after its first event.
    await page.goto(`${urls.read}/dashboard/orders/order-1`);
    await page.getByRole('heading', { name: 'Order order-1' }).waitFor();
    const slider = page.getByTestId('time-travel');
    await slider.waitFor();
    await slider.fill('0');
    await expect
      .poll(() => page.getByTestId('time-travel-event').textContent())
      .toMatch(/^1 of \d+: OrderPlaced/);
    await expect.poll(() => page.getByTestId('time-travel-state').textContent()).toContain('order-1');

    // A live update: an order placed now appears in the live feed without a reload.
    await page.locator('[data-live="open"]').waitFor();
    await placeOrder('order-2');
    await page
      .getByTestId('live-feed')
      .getByRole('link', { name: /New order order-2/ })
      .waitFor({ timeout: 30_000 });
  }, 180_000);

  it.runIf(soak)(
    'edits a low-stock threshold and replays a projection to 100% from the pages',
    async () => {
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${urls.read}/dashboard/inventory`);
      const form = page.getByRole('form', { name: 'Low-stock threshold' });
      await form.getByLabel('SKU').fill('LAMP-1');
      await form.getByLabel('Location').fill('berlin');
      await form.getByLabel('Threshold').fill('3');
      await form.getByRole('button', { name: 'Set threshold' }).click();
      await page.getByText('Threshold saved.').waitFor();
      // 6 available now, above 3: the level leaves the low-stock list once projected.
      const lowStock = page.getByRole('region', { name: 'Low stock' });
      await expect
        .poll(async () => {
          await page.reload();
          await lowStock
            .getByRole('table')
            .or(lowStock.getByText('Nothing is at or below'))
            .first()
            .waitFor();
          return lowStock.getByRole('cell', { name: 'LAMP-1' }).count();
        })
        .toBe(0);

      await page.getByRole('link', { name: 'System' }).click();
      await page.getByRole('button', { name: 'Replay catalog' }).click();
      await expect
        .poll(() => page.getByTestId('replay-catalog').getAttribute('value'), { timeout: 60_000 })
        .toBe('100');
    },
    180_000,
  );
});
