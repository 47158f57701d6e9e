// Tablet layout: list and detail side by side in landscape; one pane in portrait (detail wins when open).
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * `fill` (inside a `Screen` with `fill`): the view takes the screen's height left below its header; the list's
 * pane hands it down to the list (a flex column: the list's own scroll box takes the rest), and the detail's pane
 * scrolls on its own. A new `detailKey` (another stall) shows the detail's pane from its top again, as a new
 * screen would; the pane's scroll offset is only reset once it has been scrolled (setting it lays the page out).
 */
export function SplitView({
  list,
  detail,
  hasDetail,
  fill = false,
  detailKey,
}: {
  list: ReactNode;
  detail: ReactNode;
  hasDetail: boolean;
  fill?: boolean;
  detailKey?: string | undefined;
}) {
  const detailPane = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    if (!scrolled.current || !detailPane.current) return;
    scrolled.current = false;
    detailPane.current.scrollTop = 0;
  }, [detailKey]);
  return (
    <div className={`split${fill ? ' split-fill' : ''}${hasDetail ? ' split-has-detail' : ''}`}>
      <div className="split-list">{list}</div>
      <div
        ref={detailPane}
        className="split-detail"
        onScroll={
          fill
            ? () => {
                scrolled.current = true;
              }
            : undefined
        }
      >
        {detail}
      </div>
    </div>
  );
}
