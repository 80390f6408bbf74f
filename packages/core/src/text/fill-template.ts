/**
 * Fills a message template's `{name}` placeholders from `params`. A placeholder without a param
 * stays as it is, so a missing one is visible rather than silent. An empty value between two
 * spaces leaves one space (`between 1 and 10 {unit} (entered` without a unit reads `between 1 and
 * 10 (entered`). The one template fill of the message catalogues (the server's `Messages`).
 *
 * @example
 * fillTemplate('Use at most {max} characters.', { max: 200 }); // 'Use at most 200 characters.'
 */
export function fillTemplate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  // ` {name}` followed by a space: an empty value takes its leading space with it.
  return template.replace(/ \{(\w+)\}(?= )|\{(\w+)\}/g, (m: string, spaced: string | undefined, bare: string | undefined) => {
    const v = params[(spaced ?? bare)!];
    if (v === undefined) return m;
    const text = String(v);
    return spaced === undefined ? text : text === '' ? '' : ` ${text}`;
  });
}
