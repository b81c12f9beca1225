import { Link } from 'react-router';

import { buttonClassName } from '@/components/ui/button';
import { recentlyDeletedHref } from '@/config/paths';

import { DELETED_KINDS, type DeletedKind } from '../api/deleted';
import styles from './crm.module.css';
import { DELETED_KIND_LABELS } from './deleted-records';

/** Links to the recently deleted tasks, deals and activities; the one shown is the current page. */
export function DeletedKindLinks({ current }: { current: DeletedKind }) {
  return (
    <nav aria-label="What was deleted">
      <ul className={styles.kindLinks}>
        {DELETED_KINDS.map((kind) => (
          <li key={kind}>
            <Link
              to={recentlyDeletedHref(kind)}
              aria-current={kind === current ? 'page' : undefined}
              className={buttonClassName({ variant: kind === current ? 'primary' : 'secondary', size: 'small' })}
            >
              {DELETED_KIND_LABELS[kind].title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The link from a page listing tasks, deals or activities to those of them deleted lately. */
export function RecentlyDeletedLink({ kind, label }: { kind: DeletedKind; label: string }) {
  return (
    <Link to={recentlyDeletedHref(kind)} className={buttonClassName({ variant: 'secondary', size: 'small' })}>
      {label}
    </Link>
  );
}
