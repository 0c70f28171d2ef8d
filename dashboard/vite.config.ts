import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The dashboard is served by the read API under /dashboard (read-api/routes/dashboard-routes.ts),
 * so every asset URL starts there. `npm start` builds it when the build is older than its sources
 * (ops/bootstrap/ensure-installed.mjs). ECharts is the bulk of the JavaScript: it gets its own
 * chunk so the app's code changes without busting the charts' cache.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: (id) =>
          id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'charts' : undefined,
      },
    },
  },
  server: { port: 5173 },
});
