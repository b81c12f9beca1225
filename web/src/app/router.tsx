import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import { paths } from '@/config/paths';

import { AuditRoute } from './routes/admin/audit';
import { IngestionRoute } from './routes/admin/ingestion';
import { IngestionRunRoute } from './routes/admin/ingestion-run';
import { InvitationsRoute } from './routes/admin/invitations';
import { TeamsRoute } from './routes/admin/teams';
import { UsersRoute } from './routes/admin/users';
import { AccountRoute } from './routes/crm/account';
import { AccountsRoute } from './routes/crm/accounts';
import { ContactRoute } from './routes/crm/contact';
import { ContactImportRoute } from './routes/crm/contact-import';
import { ContactsRoute } from './routes/crm/contacts';
import { LogCallRoute } from './routes/crm/log-call';
import { OpportunityRoute } from './routes/crm/opportunity';
import { PipelineRoute } from './routes/crm/pipeline';
import { RecentlyDeletedRoute } from './routes/crm/recently-deleted';
import { TasksRoute } from './routes/crm/tasks';
import { TerritoriesRoute } from './routes/crm/territories';
import { ExportsRoute } from './routes/exports';
import { InvitationRoute } from './routes/invitation';
import { NotFoundRoute } from './routes/not-found';
import { NotificationSettingsRoute } from './routes/notification-settings';
import { NotificationsRoute } from './routes/notifications';
import { OrganizationRoute } from './routes/organization';
import { OrganizationsRoute } from './routes/organizations';
import { OverviewRoute } from './routes/overview';
import { ProfileRoute } from './routes/profile';
import { ProviderRoute } from './routes/provider';
import { ProvidersRoute } from './routes/providers';
import { RequireAccess } from './routes/require-access';
import { RootLayout, RootLayoutError } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import { SegmentsRoute } from './routes/segments';
import { SignInRoute } from './routes/sign-in';
import { TargetListRoute } from './routes/targeting/target-list';
import { TargetListsRoute } from './routes/targeting/target-lists';

/**
 * Client-side routes. Any other path is answered by the server with index.html
 * (SPA fallback) and lands on the not-found route below. Sign-in and invitation links are
 * open; everything under the root layout needs a session, and some pages a role.
 */
export const routes: RouteObject[] = [
  { path: paths.signIn, element: <SignInRoute />, errorElement: <RouteError /> },
  { path: paths.invitation, element: <InvitationRoute />, errorElement: <RouteError /> },
  {
    path: paths.overview,
    element: <RootLayout />,
    errorElement: (
      <RootLayoutError>
        <RouteError />
      </RootLayoutError>
    ),
    children: [
      {
        // Pathless route: page errors render inside the shell, navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <OverviewRoute /> },
          { path: paths.providers, element: <ProvidersRoute /> },
          { path: paths.provider, element: <ProviderRoute /> },
          { path: paths.organizations, element: <OrganizationsRoute /> },
          { path: paths.organization, element: <OrganizationRoute /> },
          { path: paths.profile, element: <ProfileRoute /> },
          { path: paths.notifications, element: <NotificationsRoute /> },
          { path: paths.notificationSettings, element: <NotificationSettingsRoute /> },
          { path: paths.exports, element: <ExportsRoute /> },
          {
            element: <RequireAccess area="ingestion" />,
            children: [
              { path: paths.ingestion, element: <IngestionRoute /> },
              { path: paths.ingestionRun, element: <IngestionRunRoute /> },
            ],
          },
          {
            element: <RequireAccess area="crm" />,
            children: [
              { path: paths.contacts, element: <ContactsRoute /> },
              { path: paths.contactImport, element: <ContactImportRoute /> },
              { path: paths.contact, element: <ContactRoute /> },
              { path: paths.logCall, element: <LogCallRoute /> },
              { path: paths.accounts, element: <AccountsRoute /> },
              { path: paths.account, element: <AccountRoute /> },
              { path: paths.tasks, element: <TasksRoute /> },
              { path: paths.pipeline, element: <PipelineRoute /> },
              { path: paths.opportunity, element: <OpportunityRoute /> },
              { path: paths.recentlyDeleted, element: <RecentlyDeletedRoute /> },
              { path: paths.territories, element: <TerritoriesRoute /> },
              { path: paths.segments, element: <SegmentsRoute /> },
              { path: paths.targetLists, element: <TargetListsRoute /> },
              { path: paths.targetList, element: <TargetListRoute /> },
            ],
          },
          {
            element: <RequireAccess area="tenantAdmin" />,
            children: [
              { path: paths.users, element: <UsersRoute /> },
              { path: paths.teams, element: <TeamsRoute /> },
              { path: paths.invitations, element: <InvitationsRoute /> },
            ],
          },
          {
            element: <RequireAccess area="audit" />,
            children: [{ path: paths.audit, element: <AuditRoute /> }],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
