// A screen's frame: a heading (h1) and optional actions, then its content.
import type { ReactNode } from 'react';

export function Screen({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
        {actions ? <div className="screen-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
