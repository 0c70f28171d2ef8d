import { locationDecider, type LocationCommand } from '../../domain/locations/index.ts';
import { locationStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import type { LocationDirectory } from './location-directory.ts';

/** Locations are created and named by admins; the directory learns of a new one at once. */
export function locationHandlers(runtime: CommandRuntime, directory: LocationDirectory) {
  const run = async (
    locationId: string,
    command: LocationCommand,
    context: CommandContext,
    ifMatch?: number,
  ) =>
    toResult(
      await handleCommand(
        runtime,
        locationDecider,
        locationStream(locationId),
        command,
        context,
        pinnedTo(ifMatch),
      ),
    );
  return {
    async createLocation(locationId: string, name: string, context: CommandContext) {
      const result = await run(locationId, { type: 'CreateLocation', data: { locationId, name } }, context);
      directory.add(locationId);
      return result;
    },
    renameLocation: (locationId: string, name: string, context: CommandContext, ifMatch?: number) =>
      run(locationId, { type: 'RenameLocation', data: { locationId, name } }, context, ifMatch),
  };
}
