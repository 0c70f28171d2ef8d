import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { serviceUrls } from './service-urls.ts';
import type { EventBus } from '../infra/bus/event-bus.ts';
import { createInProcessBus } from '../infra/bus/in-process-bus.ts';
import { createNatsBus, deleteNatsStream, type NatsBusOptions } from '../infra/bus/nats-bus.ts';

export type BusKind = EventBus['kind'];

export interface BusUnderTest {
  /** Opens another bus on the same stream (a second process, or the same one after a restart). */
  open(): Promise<EventBus>;
  stream: string;
  subjectPrefix: string;
  dispose(): Promise<void>;
}

/**
 * A bus of either kind on a stream and subject prefix of its own (NATS: a fresh JetStream stream,
 * deleted at the end), so parallel test files never see each other's messages.
 */
export function busUnderTest(kind: BusKind, natsOptions: Partial<NatsBusOptions> = {}): BusUnderTest {
  const suffix = randomBytes(4).toString('hex');
  const stream = `QM_TEST_${suffix}`;
  const subjectPrefix = `test_${suffix}`;
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const opened: EventBus[] = [];
  // The in-process bus lives in the process: "reopening" it hands out the same instance.
  const inProcess = kind === 'in-process' ? createInProcessBus({ log, subjectPrefix }) : undefined;
  return {
    stream,
    subjectPrefix,
    async open() {
      const bus =
        inProcess ??
        (await createNatsBus({
          url: serviceUrls().nats,
          stream,
          subjectPrefix,
          log,
          ackWaitMs: 2_000,
          ...natsOptions,
        }));
      opened.push(bus);
      return bus;
    },
    async dispose() {
      await Promise.all(opened.map((bus) => bus.close()));
      if (kind === 'nats') await deleteNatsStream(serviceUrls().nats, stream);
    },
  };
}
