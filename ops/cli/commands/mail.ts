import { Command, Option } from 'commander';
import { isEmailAddress, saveCustomerContact } from '../../../consumers/notifications/customer-contacts.ts';
import {
  listDeliveries,
  listOutbox,
  retryParkedDelivery,
  type DeliveryStatus,
  type Delivery,
  type OutboxMail,
} from '../../../infra/mail/mail-deliveries.ts';
import type { SqlClient } from '../../../infra/sql/sql-client.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment, type RunningServer } from '../running-server.ts';

const limitOption = () =>
  new Option('-n, --limit <n>', 'how many, newest first').argParser((v) => Number(v)).default(50);

/**
 * Runs `remote` through the embedded server's admin API when a server owns the data root (it alone
 * may open it), else `local` on a database opened here.
 */
async function withDatabase(
  local: (sql: SqlClient) => Promise<void>,
  remote: (server: RunningServer) => Promise<void>,
): Promise<void> {
  await runWithContext(async ({ config, log }) => {
    const server = runningServer(config);
    if (server) return remote(server);
    // Loaded only here: a call sent to the server needs no PGlite.
    const { openDatabase } = await import('../../compose/database.ts');
    const sql = await openDatabase(config, log.child({}, { level: 'warn' }));
    try {
      await local(sql);
    } finally {
      await sql.close();
    }
  });
}

/**
 * `qm mail list | deliveries | parked | retry <id> | contact <customerId> <email>`: the notification
 * mail for admins. `list` shows the outbox (where mail goes without SMTP_URL); `parked` the
 * deliveries that failed at every attempt; `retry` puts one back in line.
 */
export function mailCommand(): Command {
  const mail = new Command('mail').description('Notification mail: outbox, deliveries, parked mail');

  mail
    .command('list')
    .description('Show the outbox: mail kept instead of sent (no SMTP_URL)')
    .addOption(limitOption())
    .option('--body', 'print each mail’s text body too')
    .action((options: { limit: number; body?: boolean }) =>
      withDatabase(
        async (sql) => printOutbox(await listOutbox(sql, options.limit), options.body),
        async (server) => {
          const { items } = await server.json<{ items: OutboxMail[] }>(
            'read',
            'GET',
            `/admin/notifications/outbox?limit=${options.limit}`,
          );
          printOutbox(items, options.body);
        },
      ),
    );

  mail
    .command('deliveries')
    .description('Show mail deliveries with their status and attempts')
    .addOption(new Option('--status <status>', 'only this status').choices(['pending', 'sent', 'parked']))
    .addOption(limitOption())
    .action((options: { status?: DeliveryStatus; limit: number }) =>
      withDatabase(
        async (sql) => printDeliveries(sql, options.status, options.limit),
        async (server) => printServerDeliveries(server, options.status, options.limit),
      ),
    );

  mail
    .command('parked')
    .description('Show mail that failed at every attempt (retry with `qm mail retry <id>`)')
    .addOption(limitOption())
    .action((options: { limit: number }) =>
      withDatabase(
        (sql) => printDeliveries(sql, 'parked', options.limit),
        (server) => printServerDeliveries(server, 'parked', options.limit),
      ),
    );

  mail
    .command('retry')
    .argument('<id>', 'delivery id, as `qm mail parked` shows it')
    .description('Send a parked mail again, with fresh attempts')
    .action((id: string) =>
      withDatabase(
        async (sql) => {
          if (!(await retryParkedDelivery(sql, id))) throw new Error(`no parked delivery ${id}`);
          console.log(`Delivery ${id} is queued again; a running notifications consumer sends it.`);
        },
        async (server) => {
          await server.request('command', 'POST', `/admin/notifications/deliveries/${segment(id)}/retry`);
          console.log(
            `Delivery ${id} is queued again; the running server (pid ${server.owner.pid}) sends it.`,
          );
        },
      ),
    );

  mail
    .command('contact')
    .argument('<customerId>')
    .argument('<email>')
    .description('Record the mail address of a customer (orders carry customer ids, not addresses)')
    .action((customerId: string, email: string) =>
      withDatabase(
        async (sql) => {
          if (!isEmailAddress(email)) throw new Error(`"${email}" is not a mail address`);
          await saveCustomerContact(sql, customerId, email);
          console.log(`Mail for customer ${customerId} goes to ${email}.`);
        },
        async (server) => {
          await server.request('command', 'PUT', `/admin/notifications/contacts/${segment(customerId)}`, {
            email,
          });
          console.log(`Mail for customer ${customerId} goes to ${email} (recorded by the running server).`);
        },
      ),
    );

  return mail;
}

function printOutbox(mails: readonly OutboxMail[], body: boolean | undefined): void {
  if (mails.length === 0) return console.log('The outbox is empty.');
  for (const m of mails) {
    console.log(`${m.createdAt}  ${m.to}  ${m.subject}`);
    if (body) console.log(`${m.text.replace(/^/gm, '    ')}`);
  }
}

async function printDeliveries(
  sql: SqlClient,
  status: DeliveryStatus | undefined,
  limit: number,
): Promise<void> {
  showDeliveries(await listDeliveries(sql, { ...(status ? { status } : {}), limit }), status);
}

async function printServerDeliveries(
  server: RunningServer,
  status: DeliveryStatus | undefined,
  limit: number,
): Promise<void> {
  const query = new URLSearchParams({ limit: String(limit), ...(status ? { status } : {}) });
  const { items } = await server.json<{ items: DeliveryRow[] }>(
    'read',
    'GET',
    `/admin/notifications/deliveries?${query.toString()}`,
  );
  showDeliveries(items, status);
}

/** What both the database and the admin route give of a delivery (the route leaves the bodies out). */
type DeliveryRow = Omit<Delivery, 'text' | 'html' | 'messageId'>;

function showDeliveries(deliveries: readonly DeliveryRow[], status: DeliveryStatus | undefined): void {
  if (deliveries.length === 0) return console.log(status ? `No ${status} mail.` : 'No mail yet.');
  console.table(
    deliveries.map((d) => ({
      id: d.deliveryId,
      status: d.status,
      to: d.to,
      template: d.template,
      attempts: d.attempts,
      created: d.createdAt,
      error: d.lastError ?? '',
    })),
  );
}
