import { Counter, Gauge, type Registry } from 'prom-client';

/** Gauges and counters of one projector, labelled with its name, on the process's registry. */
export interface ProjectorMetrics {
  position(prepare: bigint): void;
  lag(events: number, ms: number): void;
  applied(events: number): void;
  failed(isFailed: boolean): void;
  active(isActive: boolean): void;
}

function metric<M extends Gauge | Counter>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}

/** The `qm_projection_*` metrics; several projectors share them on one registry through the label. */
export function projectorMetrics(registry: Registry, projection: string): ProjectorMetrics {
  const labelNames = ['projection'] as const;
  const gauge = (name: string, help: string) =>
    metric(registry, name, () => new Gauge({ name, help, labelNames, registers: [registry] }));
  const position = gauge(
    'qm_projection_position',
    'Global position (prepare part) of the last event the projector applied',
  );
  const lagEvents = gauge(
    'qm_projection_lag_events',
    'Events in the global log after the checkpoint (counted up to a bound)',
  );
  const lagSeconds = gauge(
    'qm_projection_lag_seconds',
    'Age of the oldest event not yet applied, in seconds (0 when caught up)',
  );
  const failed = gauge('qm_projection_failed', '1 while the projector is stopped on a poison event');
  const active = gauge('qm_projection_active', '1 while this instance holds the projector lease');
  const applied = metric(
    registry,
    'qm_projection_events_applied_total',
    () =>
      new Counter({
        name: 'qm_projection_events_applied_total',
        help: 'Events applied (or delivered) by the projector',
        labelNames,
        registers: [registry],
      }),
  );
  const labels = { projection };
  return {
    position: (prepare) => position.set(labels, Number(prepare)),
    lag(events, ms) {
      lagEvents.set(labels, events);
      lagSeconds.set(labels, ms / 1000);
    },
    applied: (events) => applied.inc(labels, events),
    failed: (isFailed) => failed.set(labels, isFailed ? 1 : 0),
    active: (isActive) => active.set(labels, isActive ? 1 : 0),
  };
}
