// The sync screen route (/sync), opened from the status pill in the top bar.
import { SyncScreen } from '../features/sync-status/sync-screen';

export function SyncRoute() {
  return <SyncScreen />;
}
