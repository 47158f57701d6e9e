// Entry of the bench's server thread: registers tsx in this thread, then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./server-worker.ts');
