import type { ReturnPolicy } from './events.ts';

export type SetReturnPolicy = { type: 'SetReturnPolicy'; data: { policy: ReturnPolicy } };

export type ReturnPolicyCommand = SetReturnPolicy;
