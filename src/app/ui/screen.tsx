// A screen's frame: a heading (h1) and optional actions, then its content.
import type { ReactNode } from 'react';

/**
 * `fill`: the screen takes the main area's height left below any banners, to the tab bar, and does not scroll as
 * a whole: its content scrolls in boxes of its own (theme.css `.screen-fill`; the 점포 screen's list). Other
 * screens grow with their content and the main area scrolls.
 */
export function Screen({
  title,
  actions,
  fill = false,
  children,
}: {
  title: string;
  actions?: ReactNode;
  fill?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={fill ? 'screen screen-fill' : 'screen'}>
      <header className="screen-header">
        <h1>{title}</h1>
        {actions ? <div className="screen-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
