/**
 * On every answer of the proxy: no MIME sniffing of its JSON. (A referrer policy only means something on pages,
 * so the static files carry that; on a cached /slots answer each header costs throughput.)
 */
export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

/** On every static file: no MIME sniffing, and no page address handed on to anyone. */
export const FILE_HEADERS = { ...SECURITY_HEADERS, 'referrer-policy': 'no-referrer' } as const;
