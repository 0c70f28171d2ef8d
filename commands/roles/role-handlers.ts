import { roleDecider, type RoleCommand } from '../../domain/roles/index.ts';
import { roleStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';

/** Custom roles an admin defines: a `role-{name}` stream each (`eventSourcedRoleCatalog` reads them). */
export function roleHandlers(runtime: CommandRuntime) {
  const run = async (name: string, command: RoleCommand, context: CommandContext, ifMatch?: number) =>
    toResult(
      await handleCommand(runtime, roleDecider, roleStream(name), command, context, pinnedTo(ifMatch)),
    );
  return {
    defineRole: (
      input: { name: string; description: string; permissions: string[] },
      context: CommandContext,
    ) => run(input.name, { type: 'DefineRole', data: input }, context),
    changeRolePermissions: (
      input: { name: string; permissions: string[] },
      context: CommandContext,
      ifMatch?: number,
    ) => run(input.name, { type: 'ChangeRolePermissions', data: input }, context, ifMatch),
    retireRole: (name: string, context: CommandContext) =>
      run(name, { type: 'RetireRole', data: { name } }, context),
  };
}
