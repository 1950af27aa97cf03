/**
 * The Content-Security-Policy for the app's pages. Electron sends it as a
 * header with every response it serves, and the web build embeds it as a meta
 * tag, so both are held to the same rules.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The optimiser's solver is WebAssembly: compiling it needs this, and nothing else does (eval stays refused).
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
