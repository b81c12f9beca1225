/**
 * Client-side route paths, shared by the router and by features that link to pages
 * (features must not import from src/app).
 */
export const paths = {
  overview: '/',
  signIn: '/sign-in',
  invitation: '/invitation/:token',
  profile: '/profile',
  providers: '/providers',
  provider: '/providers/:npi',
  organization: '/organizations/:npi',
  ingestion: '/admin/ingestion',
  ingestionRun: '/admin/ingestion/runs/:id',
  users: '/admin/users',
  teams: '/admin/teams',
  invitations: '/admin/invitations',
  audit: '/admin/audit',
  contacts: '/contacts',
  contactImport: '/contacts/import',
  contact: '/contacts/:id',
  logCall: '/contacts/:id/log-call',
  accounts: '/accounts',
  account: '/accounts/:id',
  tasks: '/tasks',
  pipeline: '/pipeline',
  opportunity: '/deals/:id',
  organizations: '/organizations',
  territories: '/territories',
  segments: '/segments',
  recentlyDeleted: '/recently-deleted',
  targetLists: '/target-lists',
  targetList: '/target-lists/:id',
  notifications: '/notifications',
  notificationSettings: '/settings/notifications',
  exports: '/exports',
} as const;

export function targetListHref(id: string): string {
  return paths.targetList.replace(':id', encodeURIComponent(id));
}

export function contactHref(id: string): string {
  return paths.contact.replace(':id', encodeURIComponent(id));
}

export function logCallHref(contactId: string): string {
  return paths.logCall.replace(':id', encodeURIComponent(contactId));
}

export function accountHref(id: string): string {
  return paths.account.replace(':id', encodeURIComponent(id));
}

/** A deal (an opportunity of the pipeline). */
export function opportunityHref(id: string): string {
  return paths.opportunity.replace(':id', encodeURIComponent(id));
}

/** The recently deleted tasks, deals or activities. */
export function recentlyDeletedHref(kind: 'tasks' | 'opportunities' | 'activities'): string {
  return `${paths.recentlyDeleted}?kind=${kind}`;
}

export function ingestionRunHref(id: number | string): string {
  return paths.ingestionRun.replace(':id', encodeURIComponent(String(id)));
}

export function providerHref(npi: string): string {
  return paths.provider.replace(':npi', encodeURIComponent(npi));
}

export function organizationHref(npi: string): string {
  return paths.organization.replace(':npi', encodeURIComponent(npi));
}

/** Where to come back to after signing in: only a path of this app, never another site. */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return paths.overview;
  if (value === paths.signIn || value.startsWith(`${paths.signIn}?`)) return paths.overview;
  return value;
}

/** The sign-in page, coming back to `next` (a path with its query) afterwards. */
export function signInHref(next?: string): string {
  const target = next && safeNextPath(next) !== paths.overview ? next : undefined;
  return target ? `${paths.signIn}?${new URLSearchParams({ next: target }).toString()}` : paths.signIn;
}
