import type { EventStore } from '../../ports/event-store.ts';
import {
  startNotifications,
  type RunningNotifications,
} from '../../consumers/notifications/notifications-consumer.ts';
import type { Config } from '../../infra/config/config.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import { createInProcessBus } from '../../infra/bus/in-process-bus.ts';
import { createNatsBus } from '../../infra/bus/nats-bus.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { createOutboxTransport } from '../../infra/mail/outbox-transport.ts';
import { registerMailMetrics } from '../../infra/mail/mail-metrics.ts';
import type { MailTransport } from '../../ports/mail.ts';
import { createSmtpTransport } from '../../infra/mail/smtp-transport.ts';
import { privateBus } from '../../infra/privacy/private-bus.ts';
import type { Registry } from '../../infra/metrics/registry.ts';
import { openPgSession } from '../../infra/sql/pg-session.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { followFromStart } from '../../projections/publisher/follow-from-start.ts';
import { publisherProjection } from '../../projections/publisher/publisher-projection.ts';
import type { LogTail } from '../../projections/runtime/log-tail.ts';
import { startSinkProjector } from '../../projections/runtime/projector-runner.ts';
import { openPrivacy } from './event-store.ts';

/** What one process runs of the fan-out: the publisher, the notification consumer, or both. */
export type FanoutRole = 'publisher' | 'notifications';

/**
 * NATS JetStream when NATS_URL is set, else the in-process bus (embedded mode); either way with
 * personal fields sealed on the wire and opened for consumers (docs/privacy.md).
 */
export async function openBus(config: Config, log: Logger, database: SqlClient): Promise<EventBus> {
  const { privacy } = openPrivacy(database);
  if (!config.NATS_URL)
    return privateBus(createInProcessBus({ log, subjectPrefix: config.NATS_SUBJECT_PREFIX }), privacy);
  const bus = await createNatsBus({
    url: config.NATS_URL,
    stream: config.NATS_STREAM,
    subjectPrefix: config.NATS_SUBJECT_PREFIX,
    ackWaitMs: config.NATS_ACK_WAIT_MS,
    replicas: config.NATS_STREAM_REPLICAS,
    log,
  });
  return privateBus(bus, privacy);
}

/** SMTP when SMTP_URL is set, else the outbox table (`qm mail list`). */
export function openMailTransport(config: Config, database: SqlClient): MailTransport {
  return config.SMTP_URL
    ? createSmtpTransport({ url: config.SMTP_URL, from: config.QM_MAIL_FROM })
    : createOutboxTransport(database);
}

export interface FanoutDeps {
  config: Config;
  store: EventStore;
  database: SqlClient;
  log: Logger;
  metrics: Registry;
  /** A bus opened by the caller (shared with the forecasting consumer); opened here when absent. */
  bus?: EventBus;
  /** Default: both. A standalone consumer process passes `['notifications']`. */
  roles?: readonly FanoutRole[];
  /**
   * This process's log tail, when its read-model projectors run here: the publisher takes its
   * batches from it instead of reading the log itself after every append it hears of.
   */
  tail?: LogTail;
}

export interface RunningFanout {
  bus: EventBus;
  /** Stops the publisher and consumers, then closes the bus and transport if they were opened here. */
  stop(): Promise<void>;
}

/**
 * The fan-out of one process, wired from configuration: the publisher (every event to the bus,
 * checkpointed by the projector runtime, one active instance per deployment) and the notification
 * consumer with its mail dispatcher.
 *
 * Embedded mode: the in-process bus lives and dies with the process, so its publisher follows the
 * log from the start on every start instead of from a stored checkpoint; consumers are idempotent
 * by event id and skip what they handled before.
 */
export async function startFanout(deps: FanoutDeps): Promise<RunningFanout> {
  const { config, store, database, log, metrics } = deps;
  const roles = deps.roles ?? ['publisher', 'notifications'];
  const bus = deps.bus ?? (await openBus(config, log, database));
  const stops: (() => Promise<void>)[] = [];

  if (roles.includes('publisher')) {
    const projection = publisherProjection(bus);
    if (bus.kind === 'nats') {
      const projector = await startSinkProjector(
        {
          store,
          database,
          log,
          metrics,
          ...(config.DATABASE_URL
            ? { openSession: () => openPgSession(config.DATABASE_URL!, 'qm-publisher') }
            : {}),
        },
        projection,
        deps.tail ? { tail: deps.tail } : {},
      );
      stops.push(() => projector.stop());
    } else {
      const follower = followFromStart(store, projection, log);
      stops.push(() => follower.stop());
    }
  }

  let transport: MailTransport | undefined;
  if (roles.includes('notifications')) {
    transport = openMailTransport(config, database);
    registerMailMetrics(metrics, database);
    const notifications: RunningNotifications = await startNotifications({
      bus,
      sql: database,
      transport,
      log,
      adminEmails: config.QM_ADMIN_EMAIL,
      subjectPrefix: config.NATS_SUBJECT_PREFIX,
      dispatcher: { maxAttempts: config.QM_MAIL_MAX_ATTEMPTS, leaseMs: config.QM_MAIL_LEASE_MS },
    });
    stops.unshift(() => notifications.stop());
  }
  log.info({ roles, bus: bus.kind, mail: transport?.kind ?? null }, 'fan-out started');

  return {
    bus,
    async stop() {
      for (const stop of stops) await stop();
      await transport?.close();
      if (!deps.bus) await bus.close();
    },
  };
}
