/**
 * The shipment id a return's label is bought under (`commands/returns/return-labels.ts`). `@` is
 * not allowed in the ids staff give shipments (`Id`), so a return's parcel can never be taken for
 * an outbound one when its tracking comes back: `recordTracking` skips it (what counts for a
 * return is its receipt at a location).
 */
export const returnParcelId = (returnId: string) => `return@${returnId}`;
export const isReturnParcel = (shipmentId: string) => shipmentId.startsWith('return@');
