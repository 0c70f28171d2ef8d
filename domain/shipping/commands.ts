import type { ShippingZone } from './events.ts';

export type SetShippingZone = { type: 'SetShippingZone'; data: { zone: ShippingZone } };
export type RemoveShippingZone = { type: 'RemoveShippingZone'; data: { zoneId: string } };

export type ShippingCommand = SetShippingZone | RemoveShippingZone;
