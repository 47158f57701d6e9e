// Build of the minimal floor page (benchmarks, issue 6): the app's stack (React, react-router, Dexie,
// workbox-window) built by Vite with the same plugins, target and precaching service worker as vite.config.ts.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { productionAliases } from '../../vite.config';

export default defineConfig(({ mode }) => ({
  root: import.meta.dirname,
  resolve: { alias: productionAliases(mode) },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        skipWaiting: false,
        clientsClaim: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: path.resolve(import.meta.dirname, '../../.tmp/bench-floor-dist'),
    emptyOutDir: true,
  },
}));
