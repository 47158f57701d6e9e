// Unit/component test setup: IndexedDB in memory, jest-dom matchers, a fresh database per test file.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait up to 5 s: a loaded 2-core CI machine can be slow (these are no timing tests).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
