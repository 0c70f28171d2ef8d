import { Command } from 'commander';
import { openDatabase } from '../../compose/database.ts';
import { runWithContext } from '../run-with-context.ts';

export function migrateCommand(): Command {
  return new Command('migrate').description('Apply pending database migrations, then exit').action(() =>
    runWithContext(async ({ config, log }) => {
      const database = await openDatabase(config, log);
      await database.close();
    }),
  );
}
