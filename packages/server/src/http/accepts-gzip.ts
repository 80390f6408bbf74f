/**
 * Whether an `Accept-Encoding` request header lets the answer be gzip-compressed (RFC 9110
 * §12.5.3): `gzip` (or `x-gzip`) with a weight above zero, or, when gzip is not named, `*` with a
 * weight above zero. No header, or a malformed weight, means no compression.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || header === '') return false;
  let star: boolean | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';');
    const name = coding.trim().toLowerCase();
    if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)\s*$/i.exec(p);
      if (!m) return false;
      weight = Number(m[1]);
    }
    if (name === '*') star = weight > 0;
    else return weight > 0;
  }
  return star === true;
}
