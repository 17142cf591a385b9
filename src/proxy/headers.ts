/** On every answer of the proxy: no MIME sniffing, and no page address handed on to anyone. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
