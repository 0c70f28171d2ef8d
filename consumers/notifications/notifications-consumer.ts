import type { RecordedEvent } from '../../ports/event-store.ts';
import { isCustomerEvent } from '../../domain/customers/index.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import { defaultSubjectPrefix } from '../../infra/bus/subjects.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { startMailDispatcher, type MailDispatcherOptions } from '../../infra/mail/mail-dispatcher.ts';
import type { MailTransport } from '../../ports/mail.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { sqlCustomerContacts, type CustomerContacts } from './customer-contacts.ts';
import { eraseCustomerMail } from './customer-erasure.ts';
import { handleCustomerEvent } from './customer-preferences.ts';
import { handleNotificationEvents } from './notification-handler.ts';
import { parkEvent } from './notification-state.ts';

export interface NotificationsOptions {
  bus: EventBus;
  /** The database holding the notification tables (migration 0006). */
  sql: SqlClient;
  transport: MailTransport;
  log: Logger;
  /** Recipients of stock alerts (QM_ADMIN_EMAIL). */
  adminEmails: readonly string[];
  /** How customer ids become addresses; default: the `qm_customer_contacts` table. */
  contacts?: CustomerContacts;
  /** The durable consumer's name on the bus (default `notifications`). */
  durable?: string;
  /** The bus's subject prefix (default `events`). */
  subjectPrefix?: string;
  /** Redelivery of events whose handling failed (database trouble), before they are parked. */
  maxDeliver?: number;
  backoffMs?: readonly number[];
  /**
   * Told after each event is handled (or found handled before), with how many mails it stored; for
   * a batch, once it has committed.
   */
  onHandled?: (event: RecordedEvent, mails: number) => void;
  /** Retries, backoff and lease of mail sending. */
  dispatcher?: Omit<MailDispatcherOptions, 'sql' | 'transport' | 'log'>;
}

export interface RunningNotifications {
  stop(): Promise<void>;
}

/**
 * The notification consumer: a durable consumer of order and stock events that stores the mails
 * each event causes (idempotent by event id), and the dispatcher that sends them with retries,
 * parking what keeps failing. Start one per process that should send mail; several may run (the
 * bus hands each event to one of them, the dispatcher's leases keep them from sending twice).
 */
export async function startNotifications(options: NotificationsOptions): Promise<RunningNotifications> {
  const log = options.log.child({ consumer: options.durable ?? 'notifications' });
  const prefix = options.subjectPrefix ?? defaultSubjectPrefix;
  const rules = {
    adminEmails: options.adminEmails,
    contacts: options.contacts ?? sqlCustomerContacts(options.sql),
    log,
  };
  const dispatcher = startMailDispatcher({
    ...options.dispatcher,
    sql: options.sql,
    transport: options.transport,
    log,
  });
  /**
   * A delivery batch in one transaction (`handleNotificationEvents`); an erasure or a customer's
   * event, rare, in its own after the events before it, so it anonymises what they stored or
   * gives the events after it the address they mail to.
   */
  async function handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    let run: RecordedEvent[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      const mails = await handleNotificationEvents(options.sql, run, rules);
      if ([...mails.values()].some((count) => count > 0)) dispatcher.wake();
      for (const event of run) options.onHandled?.(event, mails.get(event.id) ?? 0);
      run = [];
    };
    for (const event of events) {
      if (event.type === 'CustomerErased') {
        await flush();
        await eraseCustomerMail(options.sql, event as unknown as Parameters<typeof eraseCustomerMail>[1]);
        options.onHandled?.(event, 0);
      } else if (isCustomerEvent(event)) {
        // A customer's events bring the address and mail choices (docs/accounts.md) that the
        // events after them mail by; they mail nothing themselves.
        await flush();
        await handleCustomerEvent(options.sql, event);
        options.onHandled?.(event, 0);
      } else {
        run.push(event);
      }
    }
    await flush();
  }

  const consumer = await options.bus.consume({
    durable: options.durable ?? 'notifications',
    subjects: [
      `${prefix}.order.>`,
      `${prefix}.stock.>`,
      `${prefix}.privacy.CustomerErased`,
      `${prefix}.return.>`,
      `${prefix}.customer.>`,
    ],
    deliverFrom: 'start',
    ...(options.maxDeliver === undefined ? {} : { maxDeliver: options.maxDeliver }),
    ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    handle: (event) => handleBatch([event]),
    handleBatch,
    onGiveUp: (event, error) => parkEvent(options.sql, event, error),
  });
  log.info({ bus: options.bus.kind, transport: options.transport.kind }, 'notifications consumer started');
  return {
    async stop() {
      await consumer.stop();
      await dispatcher.stop();
    },
  };
}
