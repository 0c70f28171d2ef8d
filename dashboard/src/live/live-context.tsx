import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { followLiveEvents, type LiveEvent } from './live-events.ts';

interface Live {
  state: 'open' | 'reconnecting' | 'off';
  /** Newest first, the last 20 orders and low-stock crossings. */
  feed: LiveEvent[];
  projections: Extract<LiveEvent, { kind: 'projections' }>['data'] | null;
}

const LiveContext = createContext<Live>({ state: 'off', feed: [], projections: null });

export const useLive = () => useContext(LiveContext);

/** One live connection per signed-in tab; an arriving order or crossing refreshes the views it changes. */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queries = useQueryClient();
  const [live, setLive] = useState<Live>({ state: 'off', feed: [], projections: null });
  useEffect(() => {
    if (!enabled) return;
    return followLiveEvents(
      (event) => {
        if (event.kind === 'projections') {
          setLive((now) => ({ ...now, projections: event.data }));
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
