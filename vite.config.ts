import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { contentSecurityPolicy } from "./csp.config.js";

/**
 * Writes the production CSP into the built page as a <meta> tag too, so a static host that sends
 * no headers still gets it. `frame-ancestors` is ignored in <meta>, so it is dropped there.
 */
function cspMetaTag(): Plugin {
  return {
    name: "precept-csp-meta",
    apply: "build",
    transformIndexHtml() {
      const policy = contentSecurityPolicy({ dev: false })
        .split("; ")
        .filter((directive) => !directive.startsWith("frame-ancestors"))
        .join("; ");
      return [
        {
          tag: "meta",
          attrs: { "http-equiv": "Content-Security-Policy", content: policy },
          injectTo: "head-prepend",
        },
      ];
    },
  };
}

// The CSP is sent as a header by both servers (the dev server adds `ws:` for hot reload).
export default defineConfig({
  plugins: [solid(), cspMetaTag()],
  worker: { format: "es" },
  server: { headers: { "Content-Security-Policy": contentSecurityPolicy({ dev: true }) } },
  preview: { headers: { "Content-Security-Policy": contentSecurityPolicy({ dev: false }) } },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1500 },
});
