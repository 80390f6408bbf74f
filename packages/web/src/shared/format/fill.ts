/**
 * The patient pages' message templates: `{name}` placeholders (the syntax of the server's and the
 * core's catalogues) filled from `params`. A placeholder without a value stays as written, so a
 * missing parameter shows instead of vanishing. (The staff app's strings go through i18next.)
 *
 * @example
 * fill('{i} / {n} 問', { i: 3, n: 9 }); // '3 / 9 問'
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}
