import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { insertClinic, newId } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { adultInput, as, createStaff, createTestApp, sessionFor, signedIn, type Session, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`patient register (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    const count = async () => Number((await t.db.db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    test('registering assigns the next 診察券番号, normalises kana and phone, and writes an audit row in the same transaction', async () => {
      const r = await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '鈴木 一郎', nameKana: 'すずき いちろう', phone: '０９０（１２３４）５６７８' }) });
      assert.equal(r.statusCode, 201);
      const p = r.json().patient;
      assert.match(p.patientNumber, /^\d{6}$/);
      assert.equal(p.nameKana, 'スズキ イチロウ');
      assert.equal(p.phone, '090-1234-5678');
      const r2 = await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '高橋 次郎', nameKana: 'タカハシ ジロウ', birthDate: '1970-02-02', phone: null }) });
      assert.equal(Number(r2.json().patient.patientNumber), Number(p.patientNumber) + 1);
      const audit = await t.db.db.selectFrom('audit_log').selectAll().where('patient_id', '=', p.id).execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.action, 'patient.create');
      assert.equal(audit[0]!.actor_id, rec.staff.staffId);
      assert.equal(audit[0]!.actor_role, 'reception');
      assert.ok(audit[0]!.request_id);
      assert.ok(audit[0]!.ip);
    });

    test('search finds a patient by kana in any form, by number, phone and birth date', async () => {
      const created = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '渡辺 美咲', nameKana: 'ワタナベ ミサキ', birthDate: '1993-07-07', phone: '080-5555-1212' }) })).json().patient;
      for (const q of ['わたなべ', 'ﾜﾀﾅﾍﾞ', 'ワタナベ　ミサキ', 'わたなべみさき', created.patientNumber, String(Number(created.patientNumber)), '08055551212', '5555-1212', '1993-07-07', '19930707', '渡辺']) {
        const r = await as(t, rec, { url: `/api/patients?q=${encodeURIComponent(q)}` });
        assert.equal(r.statusCode, 200, q);
        assert.ok(r.json().items.some((i: { id: string }) => i.id === created.id), `search "${q}" should find the patient`);
      }
      const none = await as(t, rec, { url: `/api/patients?q=${encodeURIComponent('ワタナベ%')}` });
      assert.equal(none.json().items.length, 0, 'LIKE wildcards are escaped');
    });

    test('a likely duplicate (same kana and birth date) is reported before creating, and can be acknowledged', async () => {
      const input = adultInput({ nameKanji: '中村 優', nameKana: 'ナカムラ ユウ', birthDate: '2000-01-15', phone: null });
      assert.equal((await as(t, rec, { method: 'POST', url: '/api/patients', payload: input })).statusCode, 201);
      const dupCheck = await as(t, rec, { url: `/api/patients/duplicates?nameKana=${encodeURIComponent('なかむら ゆう')}&birthDate=2000-01-15` });
      assert.equal(dupCheck.json().items.length, 1);
      const before = await count();
      const again = await as(t, rec, { method: 'POST', url: '/api/patients', payload: { ...input, nameKana: 'なかむら　ゆう' } });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.duplicates.length, 1);
      assert.match(again.json().error.message, /可能性/);
      assert.equal(await count(), before, 'nothing stored');
      const ack = await as(t, rec, { method: 'POST', url: '/api/patients', payload: { ...input, acknowledgeDuplicates: true } });
      assert.equal(ack.statusCode, 201);
    });

    test('edits keep history; a stale version is refused', async () => {
      const p = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '小林 健', nameKana: 'コバヤシ ケン', birthDate: '1960-10-10', phone: null }) })).json().patient;
      const u = await as(t, rec, { method: 'PATCH', url: `/api/patients/${p.id}`, payload: { version: 1, phone: '03-3333-4444', notes: '<script>alert(1)</script>' } });
      assert.equal(u.statusCode, 200);
      assert.equal(u.json().patient.version, 2);
      assert.equal(u.json().patient.notes, '<script>alert(1)</script>', 'stored as plain text, escaped only when rendered');
      const stale = await as(t, rec, { method: 'PATCH', url: `/api/patients/${p.id}`, payload: { version: 1, phone: '03-0000-0000' } });
      assert.equal(stale.statusCode, 409);
      const h = (await as(t, rec, { url: `/api/patients/${p.id}/history` })).json().items;
      assert.equal(h.length, 2);
      const phoneChange = h[1].changes.find((c: { field: string }) => c.field === 'phone');
      assert.deepEqual(phoneChange, { field: 'phone', before: null, after: '03-3333-4444' });
      const audit = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('patient_id', '=', p.id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['patient.create', 'patient.update', 'patient.history.read']);
      assert.equal(audit[1]!.detail, 'phone,notes', 'field names only, never values');
    });

    test('a minor needs a guardian; the guardian is kept with relation and contact', async () => {
      const child = adultInput({ nameKanji: '加藤 陽向', nameKana: 'カトウ ヒナタ', birthDate: '2014-05-05', phone: null });
      const r = await as(t, rec, { method: 'POST', url: '/api/patients', payload: child });
      assert.equal(r.statusCode, 400);
      assert.ok(r.json().error.details.some((d: { path: string }) => d.path === 'guardians'));
      const ok = await as(t, rec, { method: 'POST', url: '/api/patients', payload: { ...child, guardians: [{ name: '加藤 恵', nameKana: 'かとう めぐみ', relation: '母', phone: '090-8888-7777' }] } });
      assert.equal(ok.statusCode, 201);
      assert.deepEqual(ok.json().patient.guardians[0], { name: '加藤 恵', nameKana: 'カトウ メグミ', relation: '母', phone: '090-8888-7777', email: null });
    });

    test('bad input gets field errors in Japanese (English on request) and stores nothing', async () => {
      const before = await count();
      const cases: Array<[Record<string, unknown>, string]> = [
        [adultInput({ nameKana: 'Yamada' }), 'nameKana'],
        [adultInput({ birthDate: '2026-02-30' }), 'birthDate'],
        [adultInput({ birthDate: '2099-01-01' }), 'birthDate'],
        [adultInput({ phone: '12345' }), 'phone'],
        [adultInput({ email: 'not-an-email' }), 'email'],
        [adultInput({ sex: 'x' }), 'sex'],
        [adultInput({ nameKanji: 'a\u0000b' }), 'nameKanji'],
        [adultInput({ nameKanji: 'あ'.repeat(101) }), 'nameKanji'],
        [adultInput({ unknownField: 1 }), 'unknownField'],
        [{ nameKana: 'ヤマダ' }, 'nameKanji'],
      ];
      for (const [payload, field] of cases) {
        const r = await as(t, rec, { method: 'POST', url: '/api/patients', payload });
        assert.equal(r.statusCode, 400, JSON.stringify(payload));
        const body = r.json();
        assert.equal(body.error.code, 'validation');
        assert.ok(body.error.details.some((d: { path: string }) => d.path === field), `${field} in ${JSON.stringify(body.error.details)}`);
        assert.match(body.error.message + body.error.details.map((d: { message: string }) => d.message).join(''), /[ぁ-んァ-ン一-龯]/);
      }
      const en = await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKana: 'Yamada' }), headers: { 'accept-language': 'en-US,en;q=0.9' } });
      assert.match(en.json().error.details[0].message, /katakana or hiragana/);
      assert.equal(await count(), before);
    });

    test('a clinic only ever sees its own patients; a guess at another clinic\'s id is 404 and audited as denied', async () => {
      const otherClinic = newId();
      await insertClinic(t.db.db, { id: otherClinic, name: '別のクリニック', timeZone: 'Asia/Tokyo', now: t.clock.now.toISOString() });
      const other = await sessionFor(t, await createStaff(t, 'reception', { clinicId: otherClinic }));
      const mine = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '松本 彩', nameKana: 'マツモト アヤ', birthDate: '1982-03-03', phone: null }) })).json().patient;
      const r = await as(t, other, { url: `/api/patients/${mine.id}` });
      assert.equal(r.statusCode, 404);
      const list = await as(t, other, { url: `/api/patients?q=${encodeURIComponent('マツモト')}` });
      assert.equal(list.json().items.length, 0);
      const denied = await t.db.db.selectFrom('audit_log').selectAll().where('actor_id', '=', other.staff.staffId).where('outcome', '=', 'denied').execute();
      assert.equal(denied.length, 1);
      const upd = await as(t, other, { method: 'PATCH', url: `/api/patients/${mine.id}`, payload: { version: 1, notes: 'x' } });
      assert.equal(upd.statusCode, 404);
      const own = await as(t, other, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '松本 彩', nameKana: 'マツモト アヤ', birthDate: '1982-03-03', phone: null }) });
      assert.equal(own.statusCode, 201, 'the same person at another clinic is not a duplicate here');
      assert.equal(own.json().patient.patientNumber, '000001', 'numbers are per clinic');
    });

    test('every read of patient data is audited', async () => {
      const doc = await signedIn(t, 'doctor');
      const p = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '井上 翼', nameKana: 'イノウエ ツバサ', birthDate: '1975-06-06', phone: null }) })).json().patient;
      await as(t, doc, { url: `/api/patients/${p.id}` });
      await as(t, doc, { url: '/api/patients?q=イノウエ' });
      const rows = await t.db.db.selectFrom('audit_log').select(['action', 'patient_id', 'detail']).where('actor_id', '=', doc.staff.staffId).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => r.action), ['patient.read', 'patient.search']);
      assert.equal(rows[0]!.patient_id, p.id);
      assert.doesNotMatch(rows[1]!.detail ?? '', /イノウエ/, 'search terms are not logged');
    });
  });
}
