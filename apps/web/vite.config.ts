import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build -w @liaison/web` writes dist/, which the server serves at `/`.
// `npx vite` (dev) proxies the API to a server on :3000 (`npm start`).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800, reportCompressedSize: true },
});
