import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { contentSecurityPolicy } from "./csp.config.js";

// The CSP is sent as a header by both servers; the built page also carries it in a <meta> tag
// (see index.html). `frame-ancestors` only works as a header. The dev server needs `ws:` for HMR.
export default defineConfig({
  plugins: [solid()],
  worker: { format: "es" },
  server: { headers: { "Content-Security-Policy": contentSecurityPolicy({ dev: true }) } },
  preview: { headers: { "Content-Security-Policy": contentSecurityPolicy({ dev: false }) } },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1500 },
});
