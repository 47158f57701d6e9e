// The current time, refreshed every minute, so Today's "next" and "overdue" move on while the screen stays open.
import { useEffect, useState } from 'react';

export function useNow(fixed?: Date, everyMs = 60_000): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return;
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [fixed, everyMs]);
  return fixed ?? now;
}
