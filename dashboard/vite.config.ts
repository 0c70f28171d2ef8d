import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The dashboard is served by the read API under /dashboard (read-api/routes/dashboard-routes.ts),
 * so every asset URL starts there. `npm start` builds it when the build is older than its sources
 * (ops/bootstrap/ensure-installed.mjs). ECharts is the bulk of the JavaScript: the pages load it
 * with their first chart (components/lazy-chart.tsx), so it is a chunk of its own, not in the
 * initial download.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173 },
});
