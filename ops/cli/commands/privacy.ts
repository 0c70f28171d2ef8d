import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import type { Config } from '../../../infra/config/config.ts';
import type { Logger } from '../../../infra/logging/logger.ts';
import { uuidV7Ids } from '../../../infra/ids/uuid-v7-ids.ts';
import { systemClock } from '../../../ports/clock.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment } from '../running-server.ts';

const operator = () => ({ id: process.env.USER ?? 'operator', role: 'admin' as const });
const context = () => ({
  actor: operator(),
  correlationId: uuidV7Ids.newId(),
  causationId: null,
  now: systemClock.now().toISOString(),
});

/** The write side on a database opened here (no server owns the data root). */
async function withPrivacy<T>(
  config: Config,
  log: Logger,
  work: (parts: Awaited<ReturnType<typeof open>>) => Promise<T>,
): Promise<T> {
  const parts = await open(config, log);
  try {
    return await work(parts);
  } finally {
    await parts.store.close();
    await parts.database.close();
  }
}

async function open(config: Config, log: Logger) {
  // Loaded only here: a call sent to the server needs no PGlite.
  const { openDatabase } = await import('../../compose/database.ts');
  const { openEventStore, openPrivacy } = await import('../../compose/event-store.ts');
  const { commandRuntime } = await import('../../compose/command-runtime.ts');
  const { privacyHandlers } = await import('../../../commands/privacy/privacy-handlers.ts');
  const database = await openDatabase(config, log.child({}, { level: 'warn' }));
  const { keys, privacy } = openPrivacy(database);
  const store = await openEventStore(config, database, privacy);
  return { database, store, privacy, handlers: privacyHandlers(commandRuntime(store), keys) };
}

/** `qm erase <customerId>`: GDPR erasure by crypto-shredding (docs/privacy.md). */
export function eraseCommand(): Command {
  return new Command('erase')
    .description("Erase a customer's personal data: deletes their key and records CustomerErased")
    .argument('<customerId>', 'the customer id orders carry')
    .option('--reason <text>', 'why (kept in the event)')
    .action((customerId: string, options: { reason?: string }) =>
      runWithContext(async ({ config, log }) => {
        const server = runningServer(config);
        const answer = server
          ? await server.json<{ orderIds: string[] }>(
              'command',
              'POST',
              `/admin/customers/${segment(customerId)}/erase`,
              { reason: options.reason ?? null },
            )
          : await withPrivacy(config, log, ({ handlers }) =>
              handlers.eraseCustomer(customerId, options.reason ?? null, context()),
            );
        console.log(
          `${customerId}: erased (${answer.orderIds.length} order${answer.orderIds.length === 1 ? '' : 's'}); ` +
            'read models, mail and caches follow as projectors and consumers see CustomerErased',
        );
      }),
    );
}

/** `qm privacy encrypt-existing`: seals personal fields appended before encryption existed. */
export function privacyCommand(): Command {
  const privacy = new Command('privacy').description('Personal data: encryption of existing events');
  privacy
    .command('encrypt-existing')
    .description(
      'Encrypt the personal fields of events stored in plain text (PostgreSQL and PGlite; resumable). Stop qm serve first when embedded.',
    )
    .option('--batch-size <n>', 'events per transaction', (value) => Number(value), 500)
    .action((options: { batchSize: number }) =>
      runWithContext(async ({ config, log }) => {
        if (config.eventStore === 'esdb') {
          throw new Error(
            'KurrentDB events cannot be rewritten in place: copy the streams and scavenge (docs/privacy.md)',
          );
        }
        if (runningServer(config)) {
          throw new Error('a qm serve process owns the data root; stop it, then run this again');
        }
        const { encryptExistingEvents } = await import('../../../infra/privacy/encrypt-existing.ts');
        await withPrivacy(config, log, async ({ database, privacy: cipher, handlers }) => {
          const bar = new SingleBar(
            { format: 'encrypting |{bar}| {value}/{total} events | {fields} fields sealed' },
            Presets.shades_classic,
          );
          let started = false;
          const result = await encryptExistingEvents(database, cipher, {
            batchSize: options.batchSize,
            onProgress(progress) {
              if (!started) bar.start(progress.total, 0, { fields: progress.fields });
              started = true;
              bar.update(progress.done, { fields: progress.fields });
            },
          });
          bar.stop();
          await handlers.recordEncryption(
            { events: result.events, fields: result.fields, throughPosition: result.throughPosition },
            context(),
          );
          console.log(
            `sealed ${result.fields} fields in ${result.events} events (through position ${result.throughPosition}); recorded as PersonalDataEncrypted`,
          );
        });
      }),
    );
  return privacy;
}
