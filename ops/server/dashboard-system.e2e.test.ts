import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.ts';
import {
  launchChromium,
  seriousAxeViolations,
  signInWithToken,
} from '../../test-support/dashboard-browser.ts';
import { freePort, spawnQmServe, type QmServe } from '../../test-support/qm-serve-process.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

const SECRET = 'dashboard-system-e2e-secret-0123456789abcdef';
const root = join(import.meta.dirname, '..', '..');

/**
 * The System and Carts pages in Debian's Chromium against `qm serve` on PostgreSQL (where the test
 * can reach the database beside the server, to plant what no API makes: an event the catalog
 * projection cannot apply, and a mail that failed at every attempt): each backend's health, the
 * poison event skipped with a reason typed and sent from the keyboard, the skip listed with its
 * reason and the projection running again, the parked mail retried, and the Carts page reached by
 * keyboard from the menu, with its funnel and a shopper's cart. axe-core checks both pages.
 */
describe('the System and Carts pages in a browser, against qm serve (postgres)', () => {
  let database: TestDatabase;
  let sql: SqlClient;
  let serve: QmServe;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  let dataDir: string;
  let urls: { command: string; read: string };
  let admin: string;

  const post = async (path: string, body: unknown, token = admin) => {
    const answer = await fetch(`${urls.command}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as Record<string, unknown>;
  };
  const projector = async (name: string) => {
    const answer = await fetch(`${urls.read}/admin/projections`, {
      headers: { authorization: `Bearer ${admin}` },
    }).catch((error: unknown) => {
      throw new Error(`GET /admin/projections failed; the server said:\n${serve.output().slice(-4000)}`, {
        cause: error,
      });
    });
    const { projectors } = (await answer.json()) as {
      projectors: { name: string; status: string; stoppedOn: { position: string } | null }[];
    };
    return projectors.find((p) => p.name === name);
  };

  beforeAll(async () => {
    execFileSync(process.execPath, ['ops/bootstrap/ensure-dashboard-built.mjs'], {
      cwd: root,
      stdio: 'inherit',
    });
    dataDir = mkdtempSync(join(tmpdir(), 'qm-dashboard-system-e2e-'));
    profile = mkdtempSync(join(tmpdir(), 'qm-chromium-'));
    const [port, readPort] = [await freePort(), await freePort()];
    urls = { command: `http://127.0.0.1:${port}`, read: `http://127.0.0.1:${readPort}` };
    database = await createTestDatabase('qm_dashboard_system');
    serve = spawnQmServe({
      DATABASE_URL: database.url,
      QM_DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      PORT: String(port),
      READ_PORT: String(readPort),
    });
    await serve.serving(150_000);
    sql = createPgClient({ connectionString: database.url, maxConnections: 2 });
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
    // A shopper's cart with a line: the Carts page lists it.
    const shopper = await mintToken({ secret: SECRET, role: 'customer', subject: 'cust-2' });
    await post('/carts', { cartId: 'cart-1', currency: 'EUR' }, shopper);
    await post('/carts/cart-1/lines', { productId: 'lamp', quantity: 1 }, shopper);
    // A product event without its fields, appended beside the command API: the catalog projection
    // cannot apply it and stops on it (the write side would never accept it).
    await createSqlEventStore(sql).append(
      'product-poison',
      [
        {
          id: randomUUID(),
          type: 'ProductCreated',
          data: { productId: 'poison' },
          metadata: {
            actor: { id: 'test', role: 'admin' },
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
    // A mail that failed at every attempt.
    await sql.query(
      `insert into qm_mail_deliveries (id, event_id, template, recipient, subject, text_body, html_body,
         message_id, status, attempts, last_error)
       values ('delivery-1', 'event-1', 'order-confirmation', 'ada@example.com', 'Your order', 'text',
         '<p>html</p>', '<m1@example.com>', 'parked', 8, 'connect ECONNREFUSED 127.0.0.1:2525')`,
    );
    browser = await launchChromium(profile);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('dialog', (dialog) => void dialog.accept());
    await signInWithToken(page, admin);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    serve?.child.kill('SIGTERM');
    await serve?.exited(30_000).catch(() => undefined);
    await sql?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('shows each backend, skips a poison event with its reason, retries parked mail, and lists carts', async () => {
    await waitUntil(
      'the catalog projection stopped on the planted event',
      async () => (await projector('catalog'))?.stoppedOn != null,
      60_000,
    );
    const position = (await projector('catalog'))!.stoppedOn!.position;

    await page.goto(`${urls.read}/dashboard/system`);
    // Health: every backend the server uses, each answering.
    const backends = page.getByRole('region', { name: 'Backends' });
    await backends.getByRole('table').waitFor();
    await expect
      .poll(() => backends.getByRole('row').filter({ hasText: 'Event store' }).textContent())
      .toMatch(/postgres.*answers/);
    for (const name of ['Read models', 'Cache', 'Analytics'])
      expect(await backends.getByRole('row').filter({ hasText: name }).textContent()).toContain('answers');

    // The poison event, named with its position; the parked mail beside it.
    const poison = page.getByTestId('poison-catalog');
    await poison.waitFor();
    expect(await poison.textContent()).toContain(position);
    const parked = page.getByRole('region', { name: 'Parked mail' });
    await parked.getByRole('cell', { name: 'ada@example.com', exact: true }).waitFor();
    expect(await seriousAxeViolations(page), 'axe on the system page').toEqual([]);

    // Skip it from the keyboard: the reason typed into its field, Enter sends the form.
    await poison.getByLabel('Reason for skipping (kept in the audit log)').focus();
    await page.keyboard.type('planted by the browser test');
    await page.keyboard.press('Enter');
    // The notice stays when the card goes (the projection runs again).
    await page
      .getByRole('region', { name: 'Poison events' })
      .getByText('Skipped in catalog; the projection goes on.')
      .waitFor();
    await waitUntil(
      'the catalog projection running again',
      async () => (await projector('catalog'))?.status !== 'failed',
      60_000,
    );
    const skipped = page.getByRole('row').filter({ hasText: 'planted by the browser test' });
    await skipped.waitFor();
    expect(await skipped.textContent()).toContain(position);

    // Retry the parked mail: fresh attempts.
    await parked.getByRole('button', { name: 'Retry the mail to ada@example.com' }).click();
    // Queued again, it leaves the parked list.
    await parked.getByText('No mail is parked.').waitFor();
    const [delivery] = await sql.query<{ status: string }>(
      "select status from qm_mail_deliveries where id = 'delivery-1'",
    );
    expect(['pending', 'sent']).toContain(delivery!.status);

    // The Carts page, reached from the menu with the keyboard alone.
    await page.goto(`${urls.read}/dashboard/`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const focusedText = () => page.evaluate('document.activeElement?.textContent');
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Skip to content');
    let focused: unknown = null;
    for (let presses = 0; presses < 12 && focused !== 'Carts'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await focusedText();
    }
    expect(focused).toBe('Carts');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Carts', exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'cart-1' });
    await row.waitFor();
    expect(await row.textContent()).toContain('cust-2');
    const funnel = page.getByTestId('cart-funnel-EUR');
    await funnel.waitFor();
    expect(await funnel.textContent()).toContain('0 of 1 carts');
    expect(await seriousAxeViolations(page), 'axe on the carts page').toEqual([]);
  }, 240_000);
});
