/**
 * The Content-Security-Policy of the workbench. No 'unsafe-eval': nothing in a model is ever run
 * as JavaScript, and the browser refuses `eval` and `new Function` outright.
 * 'unsafe-inline' for styles only, because CodeMirror 6 injects <style> elements.
 * @param {{ dev: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ dev }) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
