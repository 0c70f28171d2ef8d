/** Locations are created and named by admins; the id is what stock streams are keyed by. */
export type CreateLocation = { type: 'CreateLocation'; data: { locationId: string; name: string } };

export type RenameLocation = { type: 'RenameLocation'; data: { locationId: string; name: string } };

export type LocationCommand = CreateLocation | RenameLocation;
