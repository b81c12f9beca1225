import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { canAccess, roleLabel } from '@/lib/authorization';

import styles from './app-shell.module.css';
import { Logo } from './logo';

export const API_REFERENCE_URL = '/swagger-ui/index.html';

function ExternalIcon() {
  return (
    <svg className={styles.externalIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M9 2.5h4.5V7M13.5 2.5 7 9M11.5 9.5v3.5a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5V5a.5.5 0 0 1 .5-.5h3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const navLinkClass = () => styles.navLink;

/** Who is signed in, as the shell shows them. */
export type ShellUser = { username: string; displayName: string; roles: readonly string[] };

type AppShellProps = {
  user: ShellUser;
  onSignOut: () => void;
  signingOut: boolean;
  /** Shown in the header before who is signed in (the notification bell). */
  headerExtras?: ReactNode;
  children: ReactNode;
};

/** Header with who is signed in, left navigation (only the pages the user's roles open) and the main landmark. */
export function AppShell({ user, onSignOut, signingOut, headerExtras, children }: AppShellProps) {
  const tenantAdmin = canAccess(user.roles, 'tenantAdmin');
  const audit = canAccess(user.roles, 'audit');
  const ingestion = canAccess(user.roles, 'ingestion');
  const crm = canAccess(user.roles, 'crm');
  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#main-content">
        Skip to main content
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand} aria-label="MedSales home">
          <Logo className={styles.logo} />
          <span>MedSales</span>
        </Link>
        <span className={styles.tagline}>Medical sales intelligence</span>
        <div className={styles.account} data-testid="signed-in-user">
          {headerExtras}
          <span className={styles.who}>
            Signed in as{' '}
            <Link to={paths.profile} className={styles.whoLink}>
              {user.displayName}
            </Link>
            <span className={styles.roles}> ({user.roles.map(roleLabel).join(', ')})</span>
          </span>
          <Button variant="secondary" size="small" onClick={onSignOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </Button>
        </div>
      </header>
      <nav className={styles.sidebar} aria-label="Main">
        <ul className={styles.navList}>
          <li>
            <NavLink to="/" end className={navLinkClass}>
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.providers} className={navLinkClass}>
              Providers
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.organizations} className={navLinkClass}>
              Organizations
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.exports} className={navLinkClass}>
              Exports
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.profile} className={navLinkClass}>
              My profile
            </NavLink>
          </li>
        </ul>
        {crm ? (
          <>
            <h2 className={styles.navHeading} id="nav-crm">
              CRM
            </h2>
            <ul className={styles.navList} aria-labelledby="nav-crm">
              <li>
                <NavLink to={paths.contacts} className={navLinkClass}>
                  Contacts
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.accounts} className={navLinkClass}>
                  Accounts
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.targetLists} className={navLinkClass}>
                  Target lists
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.tasks} className={navLinkClass}>
                  My tasks
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.pipeline} className={navLinkClass}>
                  Pipeline
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.territories} className={navLinkClass}>
                  Territories
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.segments} className={navLinkClass}>
                  Segments
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.recentlyDeleted} className={navLinkClass}>
                  Recently deleted
                </NavLink>
              </li>
            </ul>
          </>
        ) : null}
        {tenantAdmin || audit || ingestion ? (
          <>
            <h2 className={styles.navHeading} id="nav-administration">
              Administration
            </h2>
            <ul className={styles.navList} aria-labelledby="nav-administration">
              {tenantAdmin ? (
                <>
                  <li>
                    <NavLink to={paths.users} className={navLinkClass}>
                      Users
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to={paths.teams} className={navLinkClass}>
                      Teams
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to={paths.invitations} className={navLinkClass}>
                      Invitations
                    </NavLink>
                  </li>
                </>
              ) : null}
              {audit ? (
                <li>
                  <NavLink to={paths.audit} className={navLinkClass}>
                    Audit trail
                  </NavLink>
                </li>
              ) : null}
              {ingestion ? (
                <li>
                  <NavLink to={paths.ingestion} className={navLinkClass}>
                    Data ingestion
                  </NavLink>
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
        <ul className={styles.navList}>
          <li>
            <a className={styles.navLink} href={API_REFERENCE_URL} target="_blank" rel="noopener noreferrer">
              <span>API reference</span>
              <ExternalIcon />
              <span className="visually-hidden">(opens in a new tab)</span>
            </a>
          </li>
        </ul>
      </nav>
      <main id="main-content" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
