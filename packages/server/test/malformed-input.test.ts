import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';

/**
 * Malformed text is refused in one place before any schema or handler sees it (control characters,
 * lone surrogates, bytes that are not UTF-8), and loose program bodies of the wrong shape are a 400
 * naming the field — never a 500, never stored.
 */
for (const dialect of testDialects()) {
  describe(`malformed input (${dialect})`, () => {
    let t: TestApp;
    let reception: Session;
    let doctor: Session;
    let admin: Session;
    before(async () => {
      t = await createTestApp(dialect);
      reception = await signedIn(t, 'reception');
      doctor = await signedIn(t, 'doctor');
      admin = await signedIn(t, 'admin');
    });
    after(async () => t.destroy());

    const count = async (table: 'patients' | 'program_medications' | 'program_adverse_events' | 'crisis_contacts' | 'program_definitions' | 'audit_log') =>
      Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    test('a patient name with a lone surrogate is refused with 400 in Japanese, or English when asked, and not stored', async () => {
      const before = await count('patients');
      const ja = await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '\ud800太郎' }) });
      assert.equal(ja.statusCode, 400);
      assert.equal(ja.json().error.code, 'validation');
      assert.match(ja.json().error.message, /使用できない文字/);
      assert.deepEqual(ja.json().error.details, [{ path: 'nameKanji', message: '文字として読めないデータ（壊れた文字）が含まれています。' }]);
      const en = await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '太郎\udfff' }), headers: { 'accept-language': 'en' } });
      assert.equal(en.statusCode, 400);
      assert.match(en.json().error.message, /not allowed/);
      assert.equal(await count('patients'), before);
      // A well-formed pair (an emoji, a rare kanji outside the BMP) is fine.
      const ok = await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '𠮷田 太郎', notes: '行1\n行2\tタブ', acknowledgeDuplicates: true }) });
      assert.equal(ok.statusCode, 201, ok.body);
    });

    test('control characters anywhere — nested values, object keys, the query, path parameters — are refused before validation', async () => {
      const before = await count('patients');
      for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\r']) {
        const r = await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ guardians: [{ name: `母${c}`, relation: 'mother' }] }) });
        assert.equal(r.statusCode, 400, JSON.stringify(c));
        assert.equal(r.json().error.details[0].path, 'guardians.0.name');
        assert.equal(r.json().error.details[0].message, '使用できない制御文字が含まれています。');
      }
      const key = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput(), ['x\u0000']: 1 } });
      assert.equal(key.statusCode, 400);
      assert.equal(key.json().error.details[0].path, 'x\u0000');
      const q = await as(t, reception, { method: 'GET', url: '/api/patients?q=%E5%B1%B1%00' });
      assert.equal(q.statusCode, 400);
      assert.equal(q.json().error.details[0].path, 'q');
      const p = await as(t, reception, { method: 'GET', url: '/api/patients/%00' });
      assert.equal(p.statusCode, 400);
      assert.equal(await count('patients'), before);
    });

    test('a JSON body that is not valid UTF-8 is refused instead of being read as U+FFFD', async () => {
      const before = await count('patients');
      const json = Buffer.from(JSON.stringify(adultInput({ nameKanji: 'XX太郎' })), 'utf8');
      const i = json.indexOf('XX');
      json[i] = 0xed; // the UTF-8 form of a surrogate, which UTF-8 forbids
      json[i + 1] = 0xa0;
      const r = await as(t, reception, { method: 'POST', url: '/api/patients', payload: json, headers: { 'content-type': 'application/json' } });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.code, 'validation');
      assert.equal(await count('patients'), before);
    });

    test('NUL in the public sign-in fields and in crisis contacts is a 400, not a database error', async () => {
      const auditBefore = await count('audit_log');
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'adm\u0000in', password: 'x'.repeat(12), code: '123456' } });
      assert.equal(login.statusCode, 400, login.body);
      const signIn = await t.app.inject({ method: 'POST', url: '/api/p/appointments/sign-in/request', payload: { patientNumber: '12\u00003', birthDate: '1985-04-01' } });
      assert.equal(signIn.statusCode, 400, signIn.body);
      assert.equal(await count('audit_log'), auditBefore);
      const contactsBefore = await count('crisis_contacts');
      const contact = { nameJa: 'いのちの電話\u0000', nameEn: 'Lifeline', phone: '0570-783-556', url: null, hoursJa: null, hoursEn: null, source: null, uncertain: false };
      const crisis = await as(t, doctor, { method: 'PUT', url: '/api/crisis-contacts', payload: { contacts: [contact] } });
      assert.equal(crisis.statusCode, 400, crisis.body);
      assert.equal(await count('crisis_contacts'), contactsBefore);
    });

    test('NUL in an adverse-event term or description and in a medication name is refused; nothing stored', async () => {
      const patientId = (await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '薬 次郎', acknowledgeDuplicates: true }) })).json().patient.id as string;
      const meds = await count('program_medications');
      const med = await as(t, doctor, {
        method: 'POST', url: `/api/patients/${patientId}/program-medications`,
        payload: { genericName: 'セルトラリン\u0000塩酸塩', dose: 50, unit: 'mg', frequency: 'once_daily', startDate: '2025-10-01' },
      });
      assert.equal(med.statusCode, 400, med.body);
      assert.equal(await count('program_medications'), meds);
      const aes = await count('program_adverse_events');
      for (const field of ['term', 'description']) {
        const ae = await as(t, doctor, {
          method: 'POST', url: `/api/program-enrolments/${'a'.repeat(32)}/adverse-events`,
          payload: { term: '頭痛', description: '軽い', onsetDate: '2026-11-30', grade: 1, [field]: 'x\u0000y' },
        });
        assert.equal(ae.statusCode, 400, ae.body);
        assert.equal(ae.json().error.details[0].path, field);
      }
      assert.equal(await count('program_adverse_events'), aes);
    });

    test('program bodies whose assessments or consent documents have the wrong shape get a 400 naming the field', async () => {
      const before = await count('program_definitions');
      const bad: Array<[string, unknown]> = [
        ['assessments', 'x'], ['assessments', {}], ['assessments', 1], ['assessments', [null, 1, 'x']], ['assessments', [{ scales: {}, biomarkers: 'x' }]],
        ['consentDocuments', {}], ['consentDocuments', 'x'], ['consentDocuments', [null]], ['consentDocuments', [1, 'x', [], { contentHash: {} }]],
        ['eligibility', { severity: {}, exclusions: 'x' }],
      ];
      for (const [field, value] of bad) {
        for (const [method, url] of [['POST', '/api/programs'], ['PUT', '/api/programs/example-program']] as const) {
          const r = await as(t, admin, { method, url, payload: { id: 'example-program', version: 1, [field]: value }, headers: { 'accept-language': 'en' } });
          assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${method} ${field}=${JSON.stringify(value)} → ${r.statusCode} ${r.body.slice(0, 200)}`);
          if (method === 'POST') {
            assert.equal(r.statusCode, 400);
            const paths = (r.json().error.details as Array<{ path: string }>).map((d) => d.path);
            assert.ok(paths.some((p) => p.startsWith(field)), `${field}: ${paths.join(', ')}`);
          }
        }
      }
      assert.equal(await count('program_definitions'), before);
    });
  });
}
