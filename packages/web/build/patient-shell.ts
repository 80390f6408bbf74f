import { MESSAGES } from '../src/patient/shared/i18n.ts';
import { INTAKE_MESSAGES } from '../src/patient/intake/intake-i18n.ts';
import { APPOINTMENT_MESSAGES } from '../src/patient/appointments/messages.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The patient pages' first paint, written into the HTML so that it shows before any script has
 * arrived: the frame `App` draws (header, footer with the crisis line) in Japanese, with an empty
 * `<main>` that the server fills with the route's first screen (`firstScreens`). The markup is the
 * one the components draw, so Preact's first render takes these elements over instead of drawing
 * new ones (packages/web/src/patient/app.tsx, intake/intake-page.tsx).
 */
export function patientShell(): string {
  const m = MESSAGES.ja;
  return (
    `<div class="page"><header class="header"><div class="header__brand"><span class="header__clinic">${esc(m.clinic)}</span>` +
    `<span class="header__service">${esc(m.service)}</span></div><div class="lang" role="group" aria-label="${esc(m.language)}">` +
    `<button type="button" lang="ja" aria-pressed="true">日本語</button><button type="button" lang="en" aria-pressed="false">English</button></div></header>` +
    `<main id="main" class="main"></main><footer class="footer"><p class="crisis">${esc(m.crisisBefore)}<a href="tel:119">119</a>${esc(m.crisisAfter)}</p>` +
    `<p class="muted">${esc(m.privacy)}</p></footer></div>`
  );
}

/** The sign-in form as `SignInPage` draws it first (packages/web/src/patient/appointments/sign-in-page.tsx). */
function signInForm(): string {
  const t = APPOINTMENT_MESSAGES.ja;
  const field = (id: string, label: string, autocomplete: string, hint: string): string =>
    `<div class="appt-field"><label for="${id}">${esc(label)}</label><input id="${id}" inputmode="numeric" autocomplete="${autocomplete}" aria-describedby="${id}-hint">` +
    `<p id="${id}-hint" class="muted">${esc(hint)}</p></div>`;
  return (
    `<section class="panel"><h1>${esc(t.signInTitle)}</h1><form novalidate><p>${esc(t.signInIntro)}</p>` +
    field('pn', t.patientNumber, 'off', t.patientNumberHint) +
    field('bd', t.birthDate, 'bday', t.birthDateHint) +
    `<button type="submit" class="appt-btn appt-btn--primary">${esc(t.sendCode)}</button></form></section>`
  );
}

/**
 * What each route draws before its data has come (route pattern → the inside of `<main>`); any
 * other route shows "loading". A key ending in `#signed-out` is the route's first screen when the
 * request carries no patient session at all (the server knows then that the sign-in form comes).
 */
export function firstScreens(): Record<string, string> {
  const t = INTAKE_MESSAGES.ja;
  return {
    '/intake/:id': `<section class="intake" aria-busy="true"><h1 tabindex="-1">${esc(t.title)}</h1><p>${esc(t.intro)}</p><p class="muted" aria-live="polite">${esc(t.loading)}</p></section>`,
    '/signin#signed-out': signInForm(),
    '/appointments#signed-out': signInForm(),
    '*': `<p role="status">${esc(MESSAGES.ja.loading)}</p>`,
  };
}
