import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page asks proxy-url="/booking-api" on its own origin. In development Vite serves the page, so it forwards
// /booking-api to the proxy (npm run proxy, port 8787), as the web server will in production.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/booking-api': process.env.BOOKING_PROXY ?? 'http://127.0.0.1:8787' } },
});
