import { defineConfig } from 'vite';

function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/node_modules\/(@apollo|graphql|@wry|optimism|zen-observable|ts-invariant)/.test(id)) return 'apollo';
  return 'antd';
}

// No @vitejs/plugin-react: esbuild compiles TSX with the automatic JSX runtime (no Fast Refresh,
// which this app does not need). The gateway serves dist/ at `/` and GraphQL at `/graphql`.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        // antd marks its modules "use client" (for React Server Components): irrelevant in a SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev -w @onewindow/counter-ui` next to `npm start`: proxy GraphQL to the gateway.
    proxy: { '/graphql': process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000', '/auth/config': process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000' },
  },
});
