import vue from '@vitejs/plugin-vue';
import { BOOKING_FLOW_TAGS } from 'booking-flow/tags';
import { defineConfig } from 'vite';

export default defineConfig({
  // Vue renders these tags as they are instead of looking for Vue components by those names.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => BOOKING_FLOW_TAGS.includes(tag) } } })],
  // In development Vite serves the page: it forwards /booking-api to the proxy (npm run proxy, port 8787).
  server: { proxy: { '/booking-api': process.env.BOOKING_PROXY ?? 'http://127.0.0.1:8787' } },
});
