/**
 * The response headers both shells put on every renderer file.
 *
 * The renderer needs nothing remote: scripts, styles and fonts come from its own bundle,
 * and the only connection is the browser shell's bridge back to its own origin. Media: the voice
 * prompts' WAVs, which main serves from the page's own origin (`/voice/`, main/speech).
 */
export function contentSecurityPolicy(bridgeOrigin?: string): string {
  const connect = bridgeOrigin ? `'self' ${bridgeOrigin}` : `'none'`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(bridgeOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(bridgeOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=()',
    'Cache-Control': 'no-store',
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The content type of a renderer file, or null for a kind the renderer never serves. */
export function mimeTypeFor(path: string): string | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : (MIME[path.slice(dot).toLowerCase()] ?? null);
}
