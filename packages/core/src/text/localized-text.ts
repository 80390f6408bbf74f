/** A text the clinic writes in both of the app's languages. */
export type LocalizedText = { readonly ja: string; readonly en: string };

/** The two languages of the staff and patient pages. */
export type Lang = 'ja' | 'en';

export const LANGS: ReadonlyArray<Lang> = ['ja', 'en'];
