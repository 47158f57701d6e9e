// A tablet the server revoked keeps no market data: when sync reports 'revoked', wipe it (issue 4.6).
// Mounted once in the shell; renders nothing.
import { useEffect } from 'react';
import { getDb } from '../../db/database';
import { wipeMarketData } from '../../db/repos/device';
import { useSyncStatus } from '../../sync/index';

export function RevokedWipe() {
  const { mode } = useSyncStatus();
  useEffect(() => {
    if (mode === 'revoked') void wipeMarketData(getDb());
  }, [mode]);
  return null;
}
