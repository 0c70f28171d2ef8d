/**
 * The permission table: what each route needs, and what each built-in role grants. Routes check a
 * permission, never a role name; roles (built-in or defined by an admin, `role-{name}` streams)
 * are only named sets of these. The built-in sets reproduce exactly who could call each route when
 * routes checked role names (`write-api/authorization-matrix.int.test.ts` proves it).
 */
export const permissions = {
  'catalog:write': 'create, edit and discontinue products',
  'prices:write': 'change a product price, schedule and mass-change prices, keep price lists',
  'prices:read': 'read price lists and the record of price changes',
  'locations:write': 'create and rename stock locations',
  'stock:receive': 'book stock receipts',
  'stock:adjust': 'adjust stock counts',
  'stock:transfer': 'move stock between locations',
  'stock:configure': 'set low-stock thresholds',
  'stock:read': 'read low-stock and SKU conflict views',
  'replenishment:read': 'read reorder points and suggestions',
  'replenishment:manage': 'set replenishment policies, dismiss suggestions',
  'orders:place': 'place orders (a customer for itself)',
  'carts:use': 'keep one’s own carts and wishlist, and check a cart out',
  'orders:read': 'read orders (a customer its own)',
  'orders:act-for-others': "read, place and cancel other customers' orders",
  'orders:cancel': 'cancel an order (a customer its own)',
  'orders:edit': 'add lines to unshipped orders and raise their quantities',
  'orders:fulfil': 'ship orders and mark them delivered',
  'orders:refund': 'refund orders',
  'payments:record': 'record manual payments',
  'payments:capture': 'capture authorized payments',
  'returns:manage': 'handle returns',
  'returns:request': 'request a return of a delivered order (a customer its own)',
  'returns:configure': 'set the returns policy (windows, reasons, fees, refund moment)',
  'shipping:write': 'set shipping zones, methods and rates',
  'tax:write': 'set tax regions, rates and rounding',
  'analytics:read': 'read analytics reports and run queries',
  'reports:manage': 'save reports of the builder and schedule them to be mailed',
  'audit:read': 'read the audit view and the activity log',
  'streams:read': 'read any stream and its state at a time (time travel)',
  'notifications:manage': 'read the mail outbox, retry deliveries, set mail contacts',
  'operations:manage': 'see projector status, replay and skip projections',
  'roles:manage': 'define custom roles',
  'staff:manage': 'invite staff, set their roles, revoke their sessions',
  'customers:read': 'read customer accounts',
  'customers:write': 'assign customers to customer groups',
  'privacy:manage': 'export and erase a customer’s personal data (GDPR)',
  'promotions:write': 'create, edit, activate, pause, end promotions and generate their codes',
  'promotions:read': 'read promotions, their redemptions and cost, and look up codes',
  'account:self': 'manage one’s own profile, password, sessions and second factor',
  'account:2fa':
    'enrol, confirm and disable one’s own second factor (all an account that must enrol first may do)',
} as const;

export type Permission = keyof typeof permissions;

export const allPermissions = Object.keys(permissions) as Permission[];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(permissions, value);
}

/** The roles every installation has; their grants cannot be changed, only custom roles can. */
export const builtInRoles = ['customer', 'staff', 'admin'] as const;
export type BuiltInRole = (typeof builtInRoles)[number];

export function isBuiltInRole(value: unknown): value is BuiltInRole {
  return typeof value === 'string' && (builtInRoles as readonly string[]).includes(value);
}

const customer: readonly Permission[] = [
  'orders:place',
  'carts:use',
  'orders:read',
  'orders:cancel',
  'account:self',
  'returns:request',
  'account:2fa',
];

const staff: readonly Permission[] = [
  ...customer,
  'orders:act-for-others',
  'orders:edit',
  'orders:fulfil',
  'payments:capture',
  'stock:read',
  'replenishment:read',
  'audit:read',
  'customers:read',
  'returns:manage',
  'customers:write',
  'promotions:read',
  'prices:read',
];

/** What each built-in role grants. Admin holds every permission. */
export const builtInGrants: Readonly<Record<BuiltInRole, ReadonlySet<Permission>>> = {
  customer: new Set(customer),
  staff: new Set(staff),
  admin: new Set(allPermissions),
};
