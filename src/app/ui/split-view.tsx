// Tablet layout: list and detail side by side in landscape; one pane in portrait (detail wins when open).
import type { ReactNode } from 'react';

export function SplitView({ list, detail, hasDetail }: { list: ReactNode; detail: ReactNode; hasDetail: boolean }) {
  return (
    <div className={`split${hasDetail ? ' split-has-detail' : ''}`}>
      <div className="split-list">{list}</div>
      <div className="split-detail">{detail}</div>
    </div>
  );
}
