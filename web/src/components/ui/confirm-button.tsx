import { useEffect, useRef, useState } from 'react';

import { Button } from './button';
import styles from './confirm-button.module.css';

type ConfirmButtonProps = {
  /** The button's text, e.g. "Revoke". */
  children: string;
  /** Its accessible name when the text alone is ambiguous in a list, e.g. "Revoke token CI". */
  label?: string;
  /** What is asked once it is pressed, e.g. "Revoke token CI?". */
  question: string;
  /** The button that does it, e.g. "Yes, revoke". */
  confirmText: string;
  onConfirm: () => void;
  /** True while the action runs: the button says `pendingText` and is disabled. */
  pending?: boolean;
  pendingText?: string;
  disabled?: boolean;
};

/**
 * An action that cannot be undone, asked twice: the first press shows the question with a
 * confirm and a cancel button (focus moves to confirm; cancel brings it back).
 */
export function ConfirmButton({
  children,
  label,
  question,
  confirmText,
  onConfirm,
  pending,
  pendingText,
  disabled,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const asked = useRef(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (asked.current) openRef.current?.focus();
  }, [asking]);

  if (pending) {
    return (
      <Button variant="secondary" size="small" disabled>
        {pendingText ?? `${children}…`}
      </Button>
    );
  }

  if (!asking) {
    return (
      <Button
        ref={openRef}
        variant="secondary"
        size="small"
        aria-label={label}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </Button>
    );
  }

  return (
    <span className={styles.question} role="group" aria-label={question}>
      <span>{question}</span>
      <Button
        ref={confirmRef}
        size="small"
        onClick={() => {
          asked.current = false;
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmText}
      </Button>
      <Button
        variant="secondary"
        size="small"
        onClick={() => {
          asked.current = true;
          setAsking(false);
        }}
      >
        Cancel
      </Button>
    </span>
  );
}
