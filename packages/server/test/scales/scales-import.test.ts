import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scaleToQuestionnaire } from '@mimamori/core/fhir/index';
import { gad7 } from '@mimamori/core/scales/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import { createMailWorker } from '../../src/mail/mail-worker.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { startTestSmtp } from '../test-smtp.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';

const custom = {
  ...gad7,
  id: 'clinic_mood3',
  version: '1.0.0',
  name: { ja: '気分チェック（3項目）', en: 'Mood check (3 items)' },
  shortName: 'MOOD-3',
  licence: { class: 'custom', status: 'clinic-owned', textIncluded: true, attribution: { ja: '当院作成', en: 'Made by the clinic' }, sources: [] },
  textSource: { kind: 'custom' },
  items: gad7.items.slice(0, 3),
  scoring: { ...gad7.scoring, range: { min: 0, max: 9 } },
  bandSets: [{ id: 'clinic', name: { ja: '当院', en: 'Clinic' }, bands: [{ id: 'low', label: { ja: '低', en: 'Low' }, min: 0, max: 4 }, { id: 'high', label: { ja: '高', en: 'High' }, min: 5, max: 9 }], sources: [] }],
  defaultBandSet: 'clinic',
  response: undefined,
  remission: undefined,
  reliableChange: undefined,
  loinc: undefined,
  safety: [],
};

for (const dialect of testDialects()) {
  describe(`scales: import and delivery failures (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    let doctor: Session;
    before(async () => {
      t = await createTestApp(dialect);
      admin = await signedIn(t, 'admin');
      doctor = await signedIn(t, 'doctor');
    });
    after(() => t.destroy());

    const count = async () => (await t.db.db.selectFrom('scale_definitions').select('id').execute()).length;
    const post = (s: Session, payload: object, lang = 'ja') => as(t, s, { method: 'POST', url: '/api/scales/import', payload, headers: { 'accept-language': lang } });

    test('an admin imports a custom scale; it is listed and can be assigned; a doctor cannot import', async () => {
      assert.equal((await post(doctor, { format: 'definition', content: JSON.stringify(custom) })).statusCode, 403);
      const r = await post(admin, { format: 'definition', content: JSON.stringify(custom) });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().decision, 'new-scale');
      const list = (await as(t, doctor, { url: '/api/scales' })).json().items as Array<{ id: string }>;
      assert.ok(list.some((s) => s.id === 'clinic_mood3'));
      // Importing the very same definition again changes nothing.
      assert.equal((await post(admin, { format: 'definition', content: custom })).json().decision, 'unchanged');
      assert.equal(await count(), 1);
    });

    test('malformed JSON, an invalid definition and a tampered version are refused with clear messages; nothing is stored', async () => {
      const before = await count();
      const bad = await post(admin, { format: 'definition', content: '{ not json' }, 'en');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /cannot be read/);
      const invalid = await post(admin, { format: 'definition', content: { ...custom, id: 'x2', items: [{ id: 'a', options: [] }] } }, 'en');
      assert.equal(invalid.statusCode, 400);
      assert.ok(invalid.json().error.details.length >= 1);
      assert.doesNotMatch(invalid.json().error.details[0].message, / \/ /, 'one language, not both glued together');
      // Same id and version, different scoring: refused (a stored score names this version).
      const tampered = { ...custom, bandSets: [{ ...custom.bandSets[0]!, bands: [{ id: 'low', label: { ja: '低', en: 'Low' }, min: 0, max: 2 }, { id: 'high', label: { ja: '高', en: 'High' }, min: 3, max: 9 }] }] };
      const conflict = await post(admin, { format: 'definition', content: tampered }, 'ja');
      assert.equal(conflict.statusCode, 400);
      assert.match(conflict.json().error.message, /矛盾|保存していません/);
      assert.equal(await count(), before);
    });

    test('a FHIR R4 Questionnaire round-trips through import', async () => {
      const q = scaleToQuestionnaire({ ...custom, id: 'clinic_mood3b', shortName: 'MOOD-3B' } as never);
      const r = await post(admin, { format: 'fhir', content: q as unknown as Record<string, unknown> });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().scaleId, 'clinic_mood3b');
    });

    test('crisis contacts: national defaults until a doctor saves the clinic list; reception cannot edit it', async () => {
      const d = (await as(t, doctor, { url: '/api/crisis-contacts' })).json();
      assert.equal(d.isDefault, true);
      assert.ok(d.contacts.every((c: { source: string | null }) => c.source));
      const rec = await signedIn(t, 'reception');
      const mine = [{ nameJa: '当院（診療時間内）', nameEn: 'This clinic (opening hours)', phone: '03-0000-0000', url: null, hoursJa: '平日9時〜18時', hoursEn: 'Weekdays 9–18', source: null, uncertain: false }, d.contacts[1]];
      assert.equal((await as(t, rec, { method: 'PUT', url: '/api/crisis-contacts', payload: { contacts: mine } })).statusCode, 403);
      const bad = await as(t, doctor, { method: 'PUT', url: '/api/crisis-contacts', payload: { contacts: [{ ...mine[0], url: 'javascript:alert(1)' }] } });
      assert.equal(bad.statusCode, 400);
      const ok = await as(t, doctor, { method: 'PUT', url: '/api/crisis-contacts', payload: { contacts: mine } });
      assert.equal(ok.statusCode, 200, ok.body);
      const after = (await as(t, rec, { url: '/api/crisis-contacts' })).json();
      assert.equal(after.isDefault, false);
      assert.deepEqual(after.contacts.map((c: { nameJa: string }) => c.nameJa), ['当院（診療時間内）', 'よりそいホットライン']);
    });

    test('the alert is written even when mail delivery fails', async () => {
      const refusing = await startTestSmtp();
      refusing.refuse.on = true;
      try {
        const rec = await signedIn(t, 'reception');
        const pid = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '鈴木 一', nameKana: 'スズキ ハジメ', phone: '090-5555-0001', email: 'hajime@example.test' }) })).json().patient.id;
        const a = (await as(t, doctor, { method: 'POST', url: `/api/patients/${pid}/scale-assignments`, payload: { scaleId: 'phq9', informant: 'self', kind: 'once', startDate: '2026-12-01', windowDays: 3 } })).json();
        const worker = createMailWorker({ db: t.db, clock: t.clock.fn, config: t.config }, refusing.config('c@example.test'));
        const run = await worker.runOnce();
        assert.equal(run.sent, 0);
        const token = (a.link.url as string).split('/p/l/')[1];
        const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
        const cookie = ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value;
        const answers = { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 2 };
        const s = await t.app.inject({ method: 'POST', url: `/api/p/questionnaires/${a.link.instanceId}/submit`, payload: { answers }, cookies: { [PATIENT_COOKIE]: cookie }, headers: { 'x-csrf-token': ex.json().csrfToken } });
        assert.equal(s.statusCode, 200, s.body);
        const alerts = (await as(t, doctor, { url: `/api/alerts?patientId=${pid}` })).json().items;
        assert.equal(alerts.length, 1);
        assert.equal(alerts[0].kind, 'suicidality');
        const mail = await t.db.db.selectFrom('outbox').select(['status', 'last_error']).where('patient_id', '=', pid).execute();
        assert.equal(mail.length, 1);
        assert.notEqual(mail[0]!.status, 'sent');
      } finally {
        await refusing.close();
      }
    });
  });
}
