import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { followLiveEvents, type ImportProgress, type LiveEvent } from './live-events.ts';

interface Live {
  state: 'open' | 'reconnecting' | 'off';
  /** Newest first, the last 20 orders and low-stock crossings. */
  feed: LiveEvent[];
  projections: Extract<LiveEvent, { kind: 'projections' }>['data'] | null;
  /** The imports this session heard of, by id, as last reported. */
  imports: Readonly<Record<string, ImportProgress>>;
}

const none: Live = { state: 'off', feed: [], projections: null, imports: {} };
const LiveContext = createContext<Live>(none);

export const useLive = () => useContext(LiveContext);

/** One live connection per signed-in tab; an arriving order or crossing refreshes the views it changes. */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queries = useQueryClient();
  const [live, setLive] = useState<Live>(none);
  useEffect(() => {
    if (!enabled) return;
    return followLiveEvents(
      (event) => {
        if (event.kind === 'projections') {
          setLive((now) => ({ ...now, projections: event.data }));
          return;
        }
        if (event.kind === 'import-progress') {
          const progress = event.data;
          setLive((now) => ({ ...now, imports: { ...now.imports, [progress.importId]: progress } }));
          if (progress.state === 'finished') void queries.invalidateQueries({ queryKey: ['catalog'] });
          return;
        }
        setLive((now) => ({ ...now, feed: [event, ...now.feed].slice(0, 20) }));
        void queries.invalidateQueries({ queryKey: [event.kind === 'order-placed' ? 'orders' : 'stock'] });
      },
      (state) => setLive((now) => ({ ...now, state })),
    );
  }, [enabled, queries]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
