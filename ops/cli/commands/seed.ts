import { Command, InvalidArgumentError } from 'commander';
import { progressBar } from '../progress-bar.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer } from '../running-server.ts';
import { openWriteHandlers } from '../write-handlers.ts';

const whole = (name: string, min: number, max: number) => (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
};

/** `qm seed --demo`: a believable shop for the dashboard's first run (docs/dashboard.md). */
export function seedCommand(): Command {
  return new Command('seed')
    .description(
      'Fill a fresh store with a demo shop through the command handlers: 200 products in 10 categories, 2 locations, 90 days of orders (refuses a store with events unless --force; stop qm serve first when embedded)',
    )
    .requiredOption('--demo', 'the demo shop (the one seed there is)')
    .option('--force', 'seed a store that already has events (what the demo already wrote is skipped)')
    .option('--days <n>', 'days of orders, up to now', whole('--days', 1, 365), 90)
    .option('--products <n>', 'products, spread over 10 categories', whole('--products', 10, 1000), 200)
    .option('--orders-per-day <n>', 'orders on an average weekday', whole('--orders-per-day', 1, 500), 14)
    .option(
      '--seed <n>',
      'the random seed: the same seed gives the same shop',
      whole('--seed', 0, 2 ** 31),
      20,
    )
    .action(
      (options: { force?: boolean; days: number; products: number; ordersPerDay: number; seed: number }) =>
        runWithContext(async ({ config, log }) => {
          const server = runningServer(config);
          if (server) {
            throw new Error(
              `qm serve (pid ${server.owner.pid}) owns ${config.QM_DATA_DIR}: stop it, run qm seed --demo, then start it again (it projects the demo history on start)`,
            );
          }
          const { seedDemoShop } = await import('../../seed/demo-shop.ts');
          const opened = await openWriteHandlers(config, log);
          try {
            const [first] = await opened.store.readAll({ maxCount: 1 });
            if (first && !options.force) {
              throw new Error(
                'the store already has events: qm seed --demo fills a fresh store (add --force to seed beside them; what the demo already wrote is skipped)',
              );
            }
            const bar = progressBar('steps');
            let task = '';
            const report = await seedDemoShop(
              { handlers: opened.handlers, store: opened.store },
              { ...options, now: new Date() },
              (next, done, total) => {
                // One line per phase for logs and pipes; the bar draws only on a terminal.
                if (next !== task) {
                  if (task) bar.stop();
                  task = next;
                  console.log(`${next}...`);
                }
                bar(next, done, total);
              },
            );
            bar.stop();
            if (report.skipped === -1) {
              console.log('demo shop: already there (its last step, the saved report, is); nothing done');
              return;
            }
            console.log(
              `demo shop: ${report.products} products in ${report.categories} categories, ${report.locations} locations, ` +
                `${report.orders} orders over ${options.days} days (${report.cancelled} cancelled, ${report.refunded} refunded, ` +
                `${report.refused} refused for want of stock${report.skipped ? `, ${report.skipped} already there` : ''}). ` +
                'Start qm serve (npm start) and open http://127.0.0.1:3001/dashboard/',
            );
          } finally {
            await opened.close();
          }
        }),
    );
}
