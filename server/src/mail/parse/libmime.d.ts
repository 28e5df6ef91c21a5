// Type declarations for the parts of libmime (no published types) that the mail parser uses.
declare module 'libmime' {
  interface StructuredHeader {
    value: string
    params: Record<string, string>
  }
  interface Libmime {
    /** Decodes RFC 2047 encoded words in any charset libmime knows (iconv-lite, encoding-japanese). */
    decodeWords(value: string): string
    /** Splits `value; key=param` headers, decoding RFC 2231 parameters. */
    parseHeaderValue(value: string): StructuredHeader
  }
  const libmime: Libmime
  export default libmime
}
