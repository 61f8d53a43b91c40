/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII stand-in for old clients and
 * the real name, percent-encoded, for the rest. Quotes, backslashes and control characters never
 * reach the header.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_')
      .trim() || 'bestand';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
