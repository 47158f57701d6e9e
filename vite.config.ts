// Build of the PWA. Service-worker settings live here and in src/app/pwa only (ARCHITECTURE.md 7).
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type AliasOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// A build id baked into the bundle (VITE_BUILD_ID), so a new build is a new service worker and tests can tell
// which version a page runs (document.documentElement.dataset.build).
process.env.VITE_BUILD_ID ??= new Date().toISOString().slice(0, 10);

/**
 * React Router's production build for production builds. Its package exports name only its development build
 * (remix-run/react-router#14102, #14753), so Vite bundled that one into the app: development warnings and checks on
 * every navigation (bench 4b). Shared with the floor page's build (bench/floor-app), which is built the same way.
 */
export function productionAliases(mode: string): AliasOptions {
  if (mode !== 'production') return [];
  const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist');
  return [
    { find: /^react-router$/, replacement: path.join(dist, 'production/index.mjs') },
    { find: /^react-router\/dom$/, replacement: path.join(dist, 'production/dom-export.mjs') },
  ];
}

export default defineConfig(({ mode }) => ({
  resolve: { alias: productionAliases(mode) },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'robots.txt', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '단골 Dangol',
        short_name: '단골',
        description: '디지털튜터의 오프라인 방문 수첩 · The offline visit notebook of digital tutors',
        lang: 'ko',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b5d3b',
        background_color: '#ffffff',
        categories: ['productivity', 'business'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        // Deep links (/stalls/abc, /stalls/abc/visit/v1) open offline from the precached shell.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // 'prompt': the new worker waits until the tutor taps "update" (src/app/pwa/update-banner.tsx).
        skipWaiting: false,
        clientsClaim: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries in their own chunks: their hashes survive app releases, so an update downloads only the app.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'data', test: /node_modules[\\/](dexie|dexie-react-hooks|zod)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|date-fns)[\\/]/ },
            // Every other module the start screen needs, in the entry's one chunk. Left to itself Rolldown split the
            // modules the entry shares with lazy screens into 15 small chunks, and a cold start fetched 20 files
            // through the service worker: the HTML parser's preload requests alone took ≈ 170 ms of the main
            // thread at CPU 4x (bench 4a, CDP trace: HTMLDocumentParser::MaybeFetchQueuedPreloads).
            { name: 'start', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
}));
