import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Everything the Spring Boot server answers itself; the dev server forwards these
// so that `npm run dev` behaves like the packaged app (same origin, cookies, CSRF).
const BACKEND_URL = process.env.MEDSALES_BACKEND_URL ?? 'http://localhost:8080';
const BACKEND_PATHS = ['/api', '/health', '/actuator', '/v3', '/swagger-ui'];

const proxy = Object.fromEntries(BACKEND_PATHS.map((path) => [path, { target: BACKEND_URL }]));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy,
  },
  preview: {
    proxy,
  },
  build: {
    // MapLibre's chunk (about 1 MB, 300 kB gzipped) is the one above 500 kB: it loads only where MAP_STYLE_URL is set
    chunkSizeWarningLimit: 1100,
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change with upgrades, the app with every release: apart, a release leaves the browser's cached
        // React and map libraries valid, and no chunk passes the 500 kB warning.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
            // the boundaries (us-atlas) stay out: each file is a lazy chunk of its own, fetched when a map needs it
            { name: 'map', test: /node_modules[\\/](d3-[a-z]+|topojson-client)[\\/]/, priority: 15 },
            // MapLibre and what only it uses: loaded only for a deployment that sets MAP_STYLE_URL
            {
              name: 'maplibre',
              test: /node_modules[\\/](maplibre-gl|@maplibre|@mapbox|bidi-js|earcut|gl-matrix|kdbush|murmurhash-js|pbf|potpack|quickselect|tinyqueue|zustand)[\\/]/,
              priority: 16,
            },
            { name: 'vendor', test: /node_modules[\\/](?!us-atlas[\\/])/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup-tests.ts'],
    unstubGlobals: true,
    restoreMocks: true,
    css: {
      modules: { classNameStrategy: 'non-scoped' },
    },
  },
});
