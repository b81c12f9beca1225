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
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change with upgrades, the app with every release: apart, a release leaves the browser's cached
        // React and map libraries valid, and no chunk passes the 500 kB warning.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
            { name: 'map', test: /node_modules[\\/](d3-[a-z]+|supercluster|kdbush|topojson-client|us-atlas)[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules/, priority: 10 },
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
