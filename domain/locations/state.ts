export type LocationState = { status: 'absent' } | { status: 'active'; locationId: string; name: string };

export const initialLocationState = (): LocationState => ({ status: 'absent' });
