import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer is built to static files that both shells serve: Electron from app://,
// the browser fallback from a fixed 127.0.0.1 port. Relative asset paths keep both working.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The library (the first screen) loads one script: everything the entry imports
        // statically ($initial) goes into it, where the default splitting made ten small files
        // of it, each a request before the first paint. The database code the list asks for
        // right after that paint (Dexie, zod and the schemas, the repositories, the host) is
        // one more file. Everything else (a plan's screen, each section, the dialogs) splits
        // by what uses it, and loads on demand.
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            {
              name: 'storage',
              test: /node_modules[\\/](dexie|zod)[\\/]|[\\/]renderer[\\/]src[\\/](storage|host)[\\/]|[\\/]electron[\\/]shared[\\/]|[\\/]renderer[\\/]src[\\/]app[\\/](store|services)\.ts$/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4599, strictPort: true },
});
