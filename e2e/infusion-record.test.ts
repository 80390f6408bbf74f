// The nurse's way to the treatment records in a real Chromium against the demo server: from a booked
// infusion appointment to the infusion form; the dose in particles with the per-kg dose computed as
// she types, vitals before / during / after with the respiratory rate; a dose given before its window
// asks for the reason, and once confirmed the booking it replaces is released; the infusion shows on
// the patient's timeline. Also the lots and certificates page and the TMS form (with the seizure
// screening of the first session), each checked with axe at desktop and 360 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiAs, clinicDate, signIn } from './appointments-helpers.ts';
import { answerPhq9 } from './helpers/answer-phq9.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;
const shots = join(root, 'docs/screenshots');
const saveShots = process.env.E2E_SCREENSHOTS === '1';
const EXO = 'exosome-demo-records';
const TMS = 'tms-depression';

before(async () => {
  ensureWebBuild();
  server = await startServer({ args: ['--demo'] });
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const KANA = 'アイウエオカキクケコサシスセソタチツテト';
const kana = () => Array.from({ length: 5 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
type Api = Awaited<ReturnType<typeof apiAs>>;

/** A new adult screened, consented (the demo clinic may sign its sample documents) and enrolled through the API. */
async function enrolled(o: { base: string; reception: Api; doctor: Api; nurse: Api; programId: string; name: string; enrolmentDate: string }): Promise<{ patientId: string; enrolmentId: string }> {
  const patient = (await o.reception<{ patient: { id: string } }>('POST', '/api/patients', { nameKanji: o.name, nameKana: `テスト ${kana()}`, birthDate: '1984-02-10', sex: 'female', phone: '090-5555-6666', acknowledgeDuplicates: true })).patient;
  // A PHQ-9 on record first: the program's severity criterion is decided by the score.
  await answerPhq9(o.base, o.doctor, { patientId: patient.id, today: o.enrolmentDate });
  const enrolmentId = (await o.doctor<{ enrolment: { id: string } }>('POST', `/api/programs/${o.programId}/enrolments`, { patientId: patient.id })).enrolment.id;
  const first = await o.doctor<{ eligibility: { criteria: { id: string; status: string }[] } }>('POST', `/api/program-enrolments/${enrolmentId}/eligibility`, { diagnoses: ['F32.1'] });
  // The doctor attests what no data decides; severity is the score's alone.
  const attestations = first.eligibility.criteria.filter((c) => c.status !== 'met' && !c.id.startsWith('severity')).map((c) => ({ criterionId: c.id, met: true }));
  const e = await o.doctor<{ status: string }>('POST', `/api/program-enrolments/${enrolmentId}/eligibility`, { diagnoses: ['F32.1'], attestations });
  assert.equal(e.status, 'eligible');
  await o.nurse('POST', `/api/program-enrolments/${enrolmentId}/consents`, { role: 'participant', language: 'ja', signer: { kind: 'self', name: o.name }, signature: { method: 'typed', typedName: o.name }, identityMethod: 'passport' });
  await o.doctor('POST', `/api/program-enrolments/${enrolmentId}/enrol`, { enrolmentDate: o.enrolmentDate });
  return { patientId: patient.id, enrolmentId };
}

/** axe at desktop and phone width; with E2E_SCREENSHOTS=1 the page (or the one section) is saved at both. */
async function look(page: Page, name: string, section?: string): Promise<void> {
  for (const [label, width, height] of [['desktop', 1280, 800], ['phone', 360, 740]] as const) {
    await page.setViewportSize({ width, height });
    assert.deepEqual(await axeViolations(page), [], `axe on ${name} (${label})`);
    const path = join(shots, `${name}-ja-${label}.png`);
    if (saveShots) await (section ? page.locator(section).screenshot({ path }) : page.screenshot({ path, fullPage: true }));
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a nurse goes from the infusion appointment to the form, records the dose in particles out of its window with a reason, and sees it on the timeline', { timeout: 300_000 }, async () => {
  const base = server.baseUrl;
  const out = server.output();
  const [reception, doctor, nurse] = await Promise.all([apiAs(base, 'demo.reception', out), apiAs(base, 'demo.doctor', out), apiAs(base, 'demo.nurse', out)]);
  const today = clinicDate(e2eNow());
  const { patientId, enrolmentId } = await enrolled({ base: server.baseUrl, reception, doctor, nurse, programId: EXO, name: '見守 点子', enrolmentDate: today });
  // Book the course as proposed: the first infusion lies a week or more after today.
  const proposal = await nurse<{ occurrences: Array<{ sessionNumber: number; date: string | null; slot?: { startTime: string } }> }>('GET', `/api/program-enrolments/${enrolmentId}/booking-proposal?preferredTime=10:00`);
  const occurrences = proposal.occurrences.filter((o) => o.date && o.slot).map((o) => ({ sessionNumber: o.sessionNumber, date: o.date!, time: o.slot!.startTime }));
  assert.ok(occurrences[0]?.sessionNumber === 1 && occurrences[0].date > today, JSON.stringify(proposal.occurrences[0]));
  const booking = await nurse<{ booking: { appointments: Array<{ sessionNumber: number; appointmentId: string }> } }>('POST', `/api/program-enrolments/${enrolmentId}/booking`, { occurrences });
  const firstAppointment = booking.booking.appointments.find((a) => a.sessionNumber === 1)!.appointmentId;

  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await signIn(page, base, out, 'demo.nurse');

  // The lots page: the demo lot with its certificate, released.
  await page.goto(`${base}/programs/${EXO}/lots`);
  const lotRow = page.locator('tr[data-lot="EXO-DEMO-2026-01"]');
  await lotRow.getByText('投与可').waitFor();
  await lotRow.getByRole('link', { name: 'ダウンロード' }).waitFor();
  await look(page, 'program-lots');

  // From the booked appointment to the infusion form.
  await page.goto(`${base}/appointments/${firstAppointment}`);
  await page.getByRole('link', { name: /点滴を記録する（投与 1 回目）/ }).click();
  await page.waitForURL(/\/program-enrolments\/.+#record$/);
  const form = page.locator('section#record');
  await form.getByRole('heading', { name: '点滴の記録（第1回）' }).waitFor();
  const lotSelect = form.getByLabel('登録済みのロット');
  const lotValue = await lotSelect.locator('option', { hasText: 'EXO-DEMO-2026-01' }).getAttribute('value');
  await lotSelect.selectOption(lotValue!);
  // Routes are in words, not codes.
  assert.deepEqual(await form.getByLabel('投与経路').locator('option').allTextContents(), ['静脈内', '筋肉内', '皮下', '経鼻', '吸入', 'その他']);
  await form.getByLabel('投与量', { exact: true }).fill('2e10');
  await form.getByLabel('単位').selectOption('particles');
  await form.getByLabel('体重（kg）').fill('62.5');
  await form.getByText('体重あたり：3.2×10⁸ 粒子数（個）/kg').waitFor();
  await form.getByLabel('投与液量（mL）').fill('102');
  await form.getByLabel('希釈液', { exact: true }).fill('生理食塩水');
  await form.getByLabel('投与速度（mL/時）').fill('150');
  await form.getByLabel('前投薬（なければ「なし」）').fill('なし');
  const vitals: Array<[string, string]> = [['収縮期血圧', '118'], ['拡張期血圧', '76'], ['脈拍', '72'], ['体温（℃）', '36.5'], ['SpO₂（%）', '98'], ['呼吸数（回/分）', '16']];
  for (const group of ['投与前のバイタル', '投与中のバイタル', '投与後のバイタル']) for (const [label, v] of vitals) await form.getByRole('group', { name: group }).getByLabel(label).fill(v);
  await form.getByLabel('観察時間（分）').fill('30');
  await look(page, 'infusion-form', 'section#record');
  await form.getByRole('button', { name: '記録する' }).click();

  // Given today, before the first session's window: the window is named and a reason is asked for.
  await form.getByText('予定の範囲外の投与です').waitFor();
  await form.getByText(/第1回の投与日 .+ は予定の範囲 .+〜.+ の外です/).waitFor();
  await form.getByLabel('この日に投与した理由').fill('患者の都合で前倒し（医師了承）');
  await form.getByRole('button', { name: '理由を付けて記録する' }).click();
  await form.getByText(/記録しました。.*取消にしました。/).waitFor();
  await page.locator('tr[data-session="1"][data-status="recorded"]').first().waitFor();

  // The released booking no longer holds the chair.
  const appt = await nurse<{ appointment?: { status: string }; status?: string }>('GET', `/api/appointments/${firstAppointment}`);
  assert.equal(appt.appointment?.status ?? appt.status, 'cancelled');

  // On the timeline.
  await page.goto(`${base}/patients/${patientId}/program-timeline`);
  await page.getByRole('cell', { name: /投与 1 回目 \(EXO-DEMO-2026-01\)/ }).waitFor();
  await context.close();
});

test('the TMS form asks for the seizure screening with the first session and records the threshold and targeting', { timeout: 240_000 }, async () => {
  const base = server.baseUrl;
  const out = server.output();
  const [reception, doctor, nurse] = await Promise.all([apiAs(base, 'demo.reception', out), apiAs(base, 'demo.doctor', out), apiAs(base, 'demo.nurse', out)]);
  const today = clinicDate(e2eNow());
  const { enrolmentId } = await enrolled({ base: server.baseUrl, reception, doctor, nurse, programId: TMS, name: '見守 磁子', enrolmentDate: today });
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  await signIn(page, base, out, 'demo.nurse');
  await page.goto(`${base}/program-enrolments/${enrolmentId}#record`);
  const form = page.locator('section#record');
  await form.getByRole('heading', { name: 'TMSの記録（第1回）' }).waitFor();
  await form.getByRole('group', { name: '施行前のけいれんリスクのスクリーニング' }).waitFor();
  await form.getByLabel('装置').fill('rTMS装置（テスト）');
  await form.getByLabel('運動閾値（%MSO）').fill('55');
  await form.getByLabel('部位の決め方').selectOption('beam_f3');
  await look(page, 'tms-form', 'section#record');
  await form.getByRole('button', { name: '施行を記録する' }).click();
  await form.getByText('記録しました。').waitFor();
  await form.getByRole('heading', { name: 'TMSの記録（第2回）' }).waitFor();
  assert.equal(await form.getByRole('group', { name: '施行前のけいれんリスクのスクリーニング' }).count(), 0, 'screened once, before the course');
  await context.close();
});
