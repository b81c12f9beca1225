import type { ReactNode } from 'react';

import styles from './auth-layout.module.css';
import { Logo } from './logo';

/** The frame of the pages a signed-out visitor sees (sign-in, invitation): the brand and one card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.layout}>
      <header className={styles.header}>
        <Logo className={styles.logo} />
        <span>MedSales</span>
      </header>
      <main id="main-content" className={styles.main}>
        <div className={styles.card}>
          <h1 className={styles.title}>{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
