/**
 * The Content-Security-Policy for the renderer, the same in Electron and in the harness: only
 * our own scripts and styles, no inline script, no eval, no remote anything. Styles set through
 * the CSSOM (React's `style` prop, d3's `.style()`) are not affected by `style-src`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
