import { Command } from 'commander';
import { backupBench } from './suites/backup.ts';
import { checkoutBench } from './suites/checkout.ts';
import { checkoutStepsBench } from './suites/checkout-steps.ts';
import { dashboardBench } from './suites/dashboard.ts';
import { eventstoreBench } from './suites/eventstore.ts';
import { fanoutBench } from './suites/fanout.ts';
import { httpBench } from './suites/http.ts';
import { ordersBench } from './suites/orders.ts';
import { promotionsBench } from './suites/promotions.ts';
import { readBench } from './suites/read.ts';
import { scaleBench } from './suites/scale.ts';

/** `npm run bench -- <suite> [options]`: each suite writes bench/results/<suite>[-<backend>].json. */
const suites: Record<
  string,
  (options: { seconds: number; backends: string[]; secondsGiven: boolean }) => Promise<void>
> = {
  eventstore: eventstoreBench,
  orders: ordersBench,
  fanout: fanoutBench,
  read: readBench,
  http: httpBench,
  backup: backupBench,
  scale: scaleBench,
  promotions: promotionsBench,
  dashboard: dashboardBench,
  checkout: checkoutBench,
  'checkout-steps': checkoutStepsBench,
};

const program = new Command('bench')
  .argument('[suite]', `one of: ${Object.keys(suites).join(', ')} (default: all)`)
  .option('-s, --seconds <n>', 'seconds per measurement', (v) => Number(v), 3)
  .option('-b, --backends <list>', 'comma-separated backends', 'pglite,postgres')
  .action(async (suite: string | undefined, options: { seconds: number; backends: string }) => {
    const chosen = suite ? [suite] : Object.keys(suites);
    for (const name of chosen) {
      const run = suites[name];
      if (!run) {
        console.error(`Unknown suite "${name}". Pick one of: ${Object.keys(suites).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const secondsGiven = program.getOptionValueSource('seconds') !== 'default';
      await run({ seconds: options.seconds, backends: options.backends.split(','), secondsGiven });
    }
  });

await program.parseAsync(process.argv);
