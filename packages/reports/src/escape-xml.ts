/** Escapes text for HTML and SVG content and attribute values (`&`, `<`, `>`, quotes). */
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
