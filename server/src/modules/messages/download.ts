// Headers for files the API hands out (raw emails, attachments). Both come from strangers'
// email, so the browser is told to download, never to render or guess the type.

/**
 * `attachment` with an ASCII fallback `filename` for old clients and the exact name in RFC 5987
 * `filename*` (UTF-8, percent-encoded) — Chinese and Japanese file names are the norm here.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_').trim() || 'download'
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/** The stored content type when it looks like `type/subtype`, else a generic binary type. */
export function safeContentType(stored: string): string {
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(stored) ? stored.toLowerCase() : 'application/octet-stream'
}

export const DOWNLOAD_HEADERS = {
  'x-content-type-options': 'nosniff',
  // Opened directly anyway (a link in the H5 app), an HTML or SVG file runs with no script and no origin.
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, no-store',
} as const
