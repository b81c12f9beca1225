import type { ButtonHTMLAttributes, Ref } from 'react';

import styles from './button.module.css';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  ref?: Ref<HTMLButtonElement>;
  variant?: 'primary' | 'secondary';
  size?: 'default' | 'small';
};

export function buttonClassName({
  variant = 'primary',
  size = 'default',
  className,
}: Pick<ButtonProps, 'variant' | 'size' | 'className'> = {}): string {
  return [styles.button, styles[variant], size === 'small' ? styles.small : undefined, className]
    .filter(Boolean)
    .join(' ');
}

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, size, className })} {...props} />;
}
