/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { DEV_HEADERS, SECURITY_HEADERS, cspValue } from './scripts/security-headers.ts';
import { VOICE_DIR, ensureVoiceFiles } from './scripts/voice-files.ts';

/** Writes the CSP into the built index.html too, for static hosts that cannot send headers. */
const cspMeta = (): Plugin => ({
  name: 'montage-csp-meta',
  apply: 'build',
  // Right after the charset, before any script or style: a <meta> CSP governs only what follows it.
  transformIndexHtml: (html) =>
    html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${cspValue(undefined, true)}" />`),
});

/** Makes the offline voice's English data (scripts/voice-files.ts) before anything imports it as `montage-voice/…`. */
const voiceFiles = (): Plugin => ({
  name: 'montage-voice-files',
  config: () => {
    ensureVoiceFiles();
    return { resolve: { alias: { 'montage-voice': VOICE_DIR } } };
  },
});

export default defineConfig({
  plugins: [
    react(),
    cspMeta(),
    voiceFiles(),
    VitePWA({
      // The user applies updates (src/pwa/register-sw.ts registers the worker with workbox-window).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Montage',
        short_name: 'Montage',
        description: 'Beat-synced interval workouts from your own music.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#14121f',
        background_color: '#14121f',
        categories: ['health', 'fitness', 'music'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [
          {
            name: 'Start last workout',
            short_name: 'Last workout',
            description: 'Open the player with the workout you started last',
            url: '/?start=last',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          { name: 'Library', short_name: 'Library', url: '/?screen=library', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          {
            name: 'Progress',
            short_name: 'Progress',
            description: 'Your week, your workouts and how hard they felt',
            url: '/?screen=progress',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
      },
      workbox: {
        // The app shell only, including the lazily loaded Tone.js and worker chunks and the stretcher's worklet
        // module (.mjs) so the demo runs offline, and the offline voice's data (.bin) so an export with voice does.
        // User audio never passes through here: it lives in OPFS / IndexedDB.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest,wasm,bin}'],
        globIgnores: ['_headers'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        runtimeCaching: [],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, headers: DEV_HEADERS },
  preview: { port: 4173, headers: SECURITY_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
