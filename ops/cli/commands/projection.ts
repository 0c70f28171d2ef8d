import { Command, InvalidArgumentError } from 'commander';
import { parsePositionToken, positionToToken, type Position } from '../../../ports/position.ts';
import type { ProjectionStatusReport } from '../../../projections/runtime/projection-status.ts';
import { runWithContext } from '../run-with-context.ts';
import { runningServer, segment } from '../running-server.ts';

/**
 * `qm projection status | skip`: what the projectors are doing, and passing a poison event. The
 * local path's modules load only when it runs (a call sent to the server needs none of them).
 */
export function projectionCommand(): Command {
  const command = new Command('projection').description('Inspect projectors and pass poison events');

  command
    .command('status')
    .description("Each projector's generation, position, lag and status, and the event store's head")
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) =>
      runWithContext(async ({ config, log }) => {
        const server = runningServer(config);
        if (server) {
          const report = await server.json<ProjectionStatusReport>('read', 'GET', '/admin/projections');
          if (options.json) console.log(JSON.stringify(report, null, 2));
          else printStatus(report);
          return;
        }
        const { openProjectorContext } = await import('../../compose/projectors.ts');
        const { projectionStatus } = await import('../../../projections/runtime/projection-status.ts');
        const context = await openProjectorContext(config, log);
        try {
          const report = await projectionStatus(context);
          if (options.json) console.log(JSON.stringify(report, null, 2));
          else printStatus(report);
        } finally {
          await context.close();
        }
      }),
    );

  command
    .command('skip')
    .description(
      'Pass the one event at <position> that stopped <name> (recorded as ProjectionEventSkipped in the audit log)',
    )
    .argument('<name>', 'projection name (see qm projection status)')
    .argument('<position>', 'the position named in the error, e.g. 1234:56', parsePosition)
    .requiredOption('--reason <text>', 'why it is safe to pass it (kept in the audit log)')
    .option('--actor <id>', 'who decides (recorded with role admin)', process.env.USER ?? 'operator')
    .action((name: string, position: Position, options: { reason: string; actor: string }) =>
      runWithContext(async ({ config, log }) => {
        // The token's subject is the actor the server records.
        const server = runningServer(config, options.actor);
        if (server) {
          const { skipped, auditPosition } = await server.json<{
            skipped: { id: string; type: string; stream: string; revision: number };
            auditPosition: string;
          }>('command', 'POST', `/admin/projections/${segment(name)}/skip`, {
            position: positionToToken(position),
            reason: options.reason,
          });
          console.log(
            `skipped ${skipped.type} ${skipped.id} (stream ${skipped.stream} revision ${skipped.revision}) for ${name}; ` +
              `recorded at ${auditPosition} by the running server (pid ${server.owner.pid}). The projector resumes.`,
          );
          return;
        }
        const { openProjectorContext } = await import('../../compose/projectors.ts');
        const { skipProjectionEvent } = await import('../../../projections/runtime/skip-event.ts');
        const context = await openProjectorContext(config, log);
        try {
          const { event, auditPosition } = await skipProjectionEvent(context, {
            projection: name,
            position,
            reason: options.reason,
            actor: { id: options.actor, role: 'admin' },
            now: new Date().toISOString(),
          });
          console.log(
            `skipped ${event.type} ${event.id} (stream ${event.stream} revision ${event.revision}) for ${name}; ` +
              `recorded at ${auditPosition.commit}:${auditPosition.prepare}. The projector resumes.`,
          );
        } finally {
          await context.close();
        }
      }),
    );
  return command;
}

function parsePosition(value: string): Position {
  const position = parsePositionToken(value);
  if (!position) throw new InvalidArgumentError('expected a position like 1234:56');
  return position;
}

function printStatus(report: ProjectionStatusReport): void {
  console.log(`event store head: ${report.head ?? '(empty log)'}`);
  if (report.projectors.length === 0) {
    console.log('no projector has run yet');
    return;
  }
  console.table(
    report.projectors.map((p) => ({
      name: p.name,
      kind: p.kind,
      generation: p.generation,
      version: p.version,
      // A registered status of "running" with no current lease means nobody runs it right now.
      status: p.status === 'running' && !p.activeInstance ? 'idle (no live instance)' : p.status,
      instance: p.activeInstance ?? '-',
      position: p.position ?? '(start)',
      'lag events': `${p.lagEvents}${p.lagEventsCapped ? '+' : ''}`,
      'lag ms': p.lagMs,
    })),
  );
  for (const p of report.projectors) {
    if (p.lastError) console.log(`\n${p.name}: ${p.lastError}`);
  }
}
