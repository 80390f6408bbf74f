// Filling the WEB問診 in a browser test: answer what is still empty on a screen with plausible values,
// and go through the screens to the review.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const heading = (page: Page): Promise<string> => page.getByRole('heading', { level: 1 }).innerText();

/**
 * Answers whatever is still empty on the current screen with plausible values (the last option of
 * each choice, "no" to yes/no, the first box of a checklist), repeating while answers reveal more.
 */
export async function fillScreen(page: Page, o: { birthDate?: string } = {}): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const changed = await page.evaluate(async () => {
      // One click at a time, as a person would: each answer re-renders the screen.
      let n = 0;
      const form = document.querySelector('.intake__form')!;
      const radios = new Map<string, HTMLInputElement[]>();
      form.querySelectorAll<HTMLInputElement>('input[type=radio]').forEach((r) => radios.set(r.name, [...(radios.get(r.name) ?? []), r]));
      for (const [, group] of radios) {
        if (group.some((r) => r.checked)) continue;
        const last = group[group.length - 1]!;
        last.click();
        await new Promise((r) => setTimeout(r, 0));
        n++;
      }
      form.querySelectorAll<HTMLFieldSetElement>('fieldset.field').forEach((fs) => {
        const boxes = Array.from(fs.querySelectorAll<HTMLInputElement>(':scope > .choices input[type=checkbox]'));
        if (boxes.length && !boxes.some((b) => b.checked)) {
          boxes[0]!.click();
          n++;
        }
      });
      await new Promise((r) => setTimeout(r, 0));
      form.querySelectorAll<HTMLInputElement>('.choice--consent input[type=checkbox]').forEach((b) => {
        if (!b.checked) {
          b.click();
          n++;
        }
      });
      await new Promise((r) => setTimeout(r, 0));
      return n;
    });
    const inputs = page.locator('.intake__form input.input, .intake__form textarea.input');
    const count = await inputs.count();
    let typed = 0;
    for (let i = 0; i < count; i++) {
      const el = inputs.nth(i);
      if ((await el.inputValue()) !== '') continue;
      const id = (await el.getAttribute('id')) ?? '';
      const mode = (await el.getAttribute('inputmode')) ?? '';
      const type = (await el.getAttribute('type')) ?? '';
      const auto = (await el.getAttribute('autocomplete')) ?? '';
      const value =
        type === 'tel'
          ? '090-1234-5678'
          : auto === 'postal-code'
            ? '1500001'
            : auto === 'bday'
              ? (o.birthDate ?? '1990-06-15')
              : (await el.getAttribute('placeholder'))?.match(/1990/)
                ? '2024-04-01'
                : id.includes('birth_weeks')
                  ? '39'
                  : id.includes('birth_weight')
                    ? '3000'
                    : id.includes('height_cm')
                      ? '160'
                      : id.includes('weight_kg')
                        ? '55'
                          : id.includes('months')
                            ? '12'
                            : mode === 'decimal'
                              ? '1'
                              : id.includes('kana')
                                ? 'みまもり はなこ'
                                : 'テスト';
      await el.fill(value);
      typed++;
    }
    if (changed === 0 && typed === 0) return;
  }
}

/** Fills and confirms screens until the review screen. */
export async function finishScreens(page: Page, o: { birthDate?: string; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (o.max ?? 40); i++) {
    if ((await heading(page)).match(/入力内容の確認|Review/)) return;
    await fillScreen(page, o);
    const before = await heading(page);
    await page.locator('.intake__form button[type=submit]').click();
    await page.waitForFunction((h) => document.querySelector('h1')?.textContent !== h || document.querySelector('.error-summary'), before);
    const err = page.locator('.error-summary');
    if (await err.count()) assert.fail(`validation on "${before}": ${await err.innerText()}`);
  }
  assert.fail('did not reach the review screen');
}
