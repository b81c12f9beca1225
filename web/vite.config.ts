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
