import { defineConfig } from 'vite';
import { indexHtml } from './build/index-html.ts';
import { patientPages } from './build/patient-pages.ts';

// The patient pages: Preact, served by the server at `/p/`. Kept small on purpose: patients open
// these links on phones, often inside LINE's in-app browser, on slow connections.
export default defineConfig({
  root: import.meta.dirname,
  base: '/p/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [patientPages({ routesFile: `${import.meta.dirname}/src/patient/routes.tsx`, html: 'patient.html' }), indexHtml('patient.html')],
  build: {
    // Patients open these pages in LINE's in-app browser on older phones too (iOS 14 WebViews).
    target: ['es2020', 'safari14', 'chrome87'],
    outDir: 'dist/patient',
    emptyOutDir: true,
    rolldownOptions: {
      input: 'patient.html',
      // "use client" directives in React libraries mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    assetsInlineLimit: 0,
    // One stylesheet for every page, written into the HTML by patientPages (it is 3 kB gzipped).
    cssCodeSplit: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
