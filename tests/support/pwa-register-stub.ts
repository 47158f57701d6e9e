// Stand-in for `virtual:pwa-register/react`, which only exists in a Vite build (TESTING.md).
import { useState } from 'react';

export function useRegisterSW() {
  const needRefresh = useState(false);
  const offlineReady = useState(false);
  return { needRefresh, offlineReady, updateServiceWorker: async () => {} };
}
