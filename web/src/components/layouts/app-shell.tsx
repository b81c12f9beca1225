import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

import { paths } from '@/config/paths';

import styles from './app-shell.module.css';

export const API_REFERENCE_URL = '/swagger-ui/index.html';

function Logo() {
  return (
    <svg className={styles.logo} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#fff" fillOpacity="0.14" />
      <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#fff" />
    </svg>
  );
}

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

/** Header, left navigation and the main landmark every page renders into. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#main-content">
        Skip to main content
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand} aria-label="MedSales home">
          <Logo />
          <span>MedSales</span>
        </Link>
        <span className={styles.tagline}>Medical sales intelligence</span>
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
            <NavLink to={paths.ingestion} className={navLinkClass}>
              Data ingestion
            </NavLink>
          </li>
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
