import type { ShippingZone } from './events.ts';

/** Zones by id. No zone configured: nothing ships, so placement needs a zone for the address. */
export type ShippingState = { zones: Readonly<Record<string, ShippingZone>> };

export const initialShippingState = (): ShippingState => ({ zones: {} });
