import { useId, useRef, useState } from 'react';

import { Button } from './button';
import styles from './secret-reveal.module.css';

type SecretRevealProps = {
  title: string;
  /** Label of the field that holds the secret, e.g. "Token". */
  label: string;
  secret: string;
  /** Why it must be copied now. */
  warning: string;
  onDismiss: () => void;
  testId?: string;
};

/** A secret the server shows only once (token, temporary password, invitation link): copy it now. */
export function SecretReveal({ title, label, secret, warning, onDismiss, testId }: SecretRevealProps) {
  const titleId = useId();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for a manual copy.
      inputRef.current?.select();
      setCopied('no');
    }
  };

  return (
    <section className={styles.secret} aria-labelledby={titleId} data-testid={testId}>
      <h3 id={titleId} className={styles.title}>
        {title}
      </h3>
      <p className={styles.warning}>
        <strong>Shown only once.</strong> {warning}
      </p>
      <div className={styles.row}>
        <label htmlFor={inputId} className="visually-hidden">
          {label}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className={styles.value}
          type="text"
          readOnly
          value={secret}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
        />
        <Button size="small" onClick={() => void copy()}>
          Copy
        </Button>
        <Button variant="secondary" size="small" onClick={onDismiss}>
          Done
        </Button>
      </div>
      <p role="status" className={styles.copied}>
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'Could not copy: it is selected, press Ctrl+C.' : ''}
      </p>
    </section>
  );
}
