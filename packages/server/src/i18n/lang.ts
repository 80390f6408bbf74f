export type Lang = 'ja' | 'en';

/** Japanese by default; English when the request prefers it (Accept-Language: en…). */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.tag && Number.isFinite(x.q))
    .sort((a, b) => b.q - a.q)[0];
  return first?.tag.startsWith('en') ? 'en' : 'ja';
}
