// The one button: at least 48 px tall, high contrast, variants for primary / secondary / danger.
import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'normal' | 'large';
}

export function Button({
  variant = 'secondary',
  size = 'normal',
  className = '',
  type = 'button',
  ...rest
}: ButtonProps) {
  return <button type={type} className={`btn btn-${variant} btn-${size} ${className}`.trim()} {...rest} />;
}
