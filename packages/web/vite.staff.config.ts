import { defineConfig } from 'vite';
import { indexHtml } from './build/index-html.ts';

// The staff app: React, served by the server at `/` with an SPA fallback.
// Vite 8 compiles JSX itself through oxc, so no framework plugin is needed.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [indexHtml('staff.html')],
  build: {
    outDir: 'dist/staff',
    emptyOutDir: true,
    rolldownOptions: {
      input: 'staff.html',
      // "use client" directives in React libraries mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    // Inlined assets would become data: URLs; keep everything as files for a strict CSP.
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
