/**
 * Who may see which part of the app, by role. The server decides what each request may do
 * (403 otherwise); this only keeps the navigation and the pages to what the user can use.
 */
export const USER_ROLES = ['ADMIN', 'MANAGER', 'REP', 'OPERATOR'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles a tenant administrator gives; OPERATOR belongs to the platform, not to a tenant. */
export const TENANT_ROLES = ['ADMIN', 'MANAGER', 'REP'] as const satisfies readonly UserRole[];

export const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'Administrator',
  MANAGER: 'Manager',
  REP: 'Sales rep',
  OPERATOR: 'Platform operator',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/** The parts of the app that only some roles may use. */
export type RestrictedArea = 'ingestion' | 'tenantAdmin' | 'audit' | 'crm' | 'territoryAdmin';

const AREA_ROLES: Record<RestrictedArea, readonly UserRole[]> = {
  ingestion: ['OPERATOR'],
  tenantAdmin: ['ADMIN'],
  audit: ['ADMIN', 'OPERATOR'],
  // The CRM belongs to a tenant: the platform operator has none.
  crm: ['ADMIN', 'MANAGER', 'REP'],
  territoryAdmin: ['ADMIN', 'MANAGER'],
};

export function canAccess(roles: readonly string[], area: RestrictedArea): boolean {
  return AREA_ROLES[area].some((role) => roles.includes(role));
}

/** The roles that open an area, for telling a user why a page is not available. */
export function rolesFor(area: RestrictedArea): readonly UserRole[] {
  return AREA_ROLES[area];
}
