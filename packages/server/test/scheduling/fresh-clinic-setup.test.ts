// A new clinic starts from nothing of the demo's (no hours, doctors, rooms or devices, no phone), the
// administrator enters the clinic's own facts and resources, and only then can it be booked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createStaff, createTestApp, sessionFor, signedIn, type Session, type TestApp } from '../test-app.ts';
import { newPatient } from './scheduling-fixtures.ts';

const DEMO_WORDS = /森|岡田|上田|加藤|石井|03-0000-0000|TMS 装置|点滴チェア/;
const HOURS = { weeklyHours: { mon: [{ start: '09:00', end: '12:00' }], wed: [{ start: '09:00', end: '12:00' }] }, closedOnNationalHolidays: true, closures: [], overrides: [] };

for (const dialect of testDialects()) {
  describe(`a fresh clinic's setup (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect, {}, { freshClinic: true });
      admin = await signedIn(t, 'admin');
      rec = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    const config = async () => (await as(t, admin, { url: '/api/scheduling/config' })).json();
    const checklist = async () => (await as(t, admin, { url: '/api/clinic/setup' })).json() as { steps: { id: string; done: boolean }[]; bookingReady: boolean };
    const done = (c: { steps: { id: string; done: boolean }[] }) => c.steps.filter((s) => s.done).map((s) => s.id);

    test('starts with no hours, resources, phone or address, and nothing of the demo clinic', async () => {
      const res = await as(t, admin, { url: '/api/scheduling/config' });
      assert.equal(res.statusCode, 200);
      const cfg = res.json();
      assert.deepEqual(cfg.resources, []);
      assert.deepEqual(cfg.calendar.weeklyHours, {});
      assert.equal(cfg.clinicPhone, '');
      assert.equal(cfg.clinicAddress, null);
      assert.doesNotMatch(res.body, DEMO_WORDS);
      const c = await checklist();
      assert.deepEqual(c.steps.map((s) => s.id), ['facts', 'hours', 'services', 'staff', 'resources', 'booking']);
      assert.deepEqual(done(c), []);
      assert.equal(c.bookingReady, false);
    });

    test('booking is refused, in Japanese, until hours and a resource exist', async () => {
      const p = await newPatient(t, rec);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T09:00:00+09:00' } });
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().error.message, /まだ予約を受け付けられません。初期設定で診療時間と/);
      assert.equal(await t.db.db.selectFrom('appointments').select('id').where('clinic_id', '=', t.clinicId).executeTakeFirst(), undefined);
    });

    test('clinic facts: every problem at once (400, Japanese), nothing saved; then saved, normalised and audited', async () => {
      const bad = await as(t, admin, { method: 'PUT', url: '/api/clinic/facts', payload: { name: ' ', address: '', phone: '12-34', registrationNumber: 'T12' } });
      assert.equal(bad.statusCode, 400, bad.body);
      const details = bad.json().error.details as { path: string; message: string }[];
      assert.deepEqual(details.map((d) => d.path).sort(), ['name', 'phone', 'registrationNumber']);
      assert.match(details.find((d) => d.path === 'phone')!.message, /電話番号は日本の番号で入力してください/);
      assert.equal((await as(t, admin, { url: '/api/clinic/facts' })).json().name, 'テストクリニック');

      const ok = await as(t, admin, { method: 'PUT', url: '/api/clinic/facts', payload: { name: 'さくら心療内科', address: '東京都港区芝1-2-3', phone: '０３（１２３４）５６７８', registrationNumber: 'T7000012050002' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { name: 'さくら心療内科', address: '東京都港区芝1-2-3', phone: '03-1234-5678', registrationNumber: 'T7000012050002' });
      const cfg = await config();
      assert.equal(cfg.clinicPhone, '03-1234-5678');
      // One source: the statements read the same phone, address and registration number.
      const billing = (await as(t, admin, { url: '/api/billing/settings' })).json();
      assert.equal(billing.phone, '03-1234-5678');
      assert.equal(billing.address, '東京都港区芝1-2-3');
      assert.equal(billing.registrationNumber, 'T7000012050002');
      const audited = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'clinic.facts.update').execute();
      assert.equal(audited.length, 1);
      assert.deepEqual(done(await checklist()), ['facts']);
    });

    test('resources: a doctor linked to their account, a room; the first booking mails the clinic\'s own phone', async () => {
      const doctor = await createStaff(t, 'doctor');
      let cfg = await config();
      const cal = await as(t, admin, { method: 'PUT', url: '/api/scheduling/calendar', payload: { ...HOURS, version: cfg.version } });
      assert.equal(cal.statusCode, 200, cal.body);
      cfg = cal.json();
      const dr = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/dr-sato', payload: { resource: { id: 'dr-sato', name: '佐藤 医師', roles: ['doctor'], staffId: doctor.staffId }, version: cfg.version } });
      assert.equal(dr.statusCode, 200, dr.body);
      cfg = dr.json();
      // One account, one bookable resource.
      const twice = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/dr-sato2', payload: { resource: { id: 'dr-sato2', name: '佐藤 医師（2）', roles: ['doctor'], staffId: doctor.staffId }, version: cfg.version } });
      assert.equal(twice.statusCode, 400, twice.body);
      assert.match(twice.json().error.details[0].message, /すでに「佐藤 医師」に紐づいています/);
      const nobody = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/dr-x', payload: { resource: { id: 'dr-x', name: 'X', roles: ['doctor'], staffId: '00000000-0000-4000-8000-000000000000' }, version: cfg.version } });
      assert.equal(nobody.statusCode, 400, nobody.body);
      const room = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/room-1', payload: { resource: { id: 'room-1', name: '診察室 1', roles: ['room'] }, version: cfg.version } });
      assert.equal(room.statusCode, 200, room.body);
      assert.deepEqual(done(await checklist()), ['facts', 'hours', 'services', 'staff', 'resources']);
      assert.equal((await checklist()).bookingReady, true);
      // Who may approve a double booking names the doctor they are booked as.
      const doctors = (await as(t, rec, { url: '/api/scheduling/doctors' })).json().doctors as { id: string; resourceName: string | null }[];
      assert.deepEqual(doctors.find((d) => d.id === doctor.staffId)?.resourceName, '佐藤 医師');

      const p = await newPatient(t, rec);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: '2026-12-02T09:00:00+09:00' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().appointment.resources[0].id, 'dr-sato');
      const mail = await t.db.db.selectFrom('outbox').select('body_text').where('patient_id', '=', p.id).where('kind', '=', 'appointment_confirmation').executeTakeFirstOrThrow();
      assert.match(mail.body_text, /お電話（03-1234-5678）/);
      assert.match(mail.body_text, /さくら心療内科（東京都港区芝1-2-3）/);
      assert.doesNotMatch(mail.body_text, DEMO_WORDS);
      assert.deepEqual(done(await checklist()), ['facts', 'hours', 'services', 'staff', 'resources', 'booking']);

      // Deactivating the doctor who has that booking is refused with the count and date; nothing changes.
      cfg = await config();
      const off = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/dr-sato', payload: { resource: { id: 'dr-sato', name: '佐藤 医師', roles: ['doctor'], staffId: doctor.staffId, active: false }, version: cfg.version } });
      assert.equal(off.statusCode, 409, off.body);
      assert.match(off.json().error.message, /「佐藤 医師」にはこれからの予約が1件あります（最初は12月2日（水））/);
      assert.equal(off.json().error.upcoming.length, 1);
      assert.notEqual((await config()).resources.find((r: { id: string }) => r.id === 'dr-sato').active, false);
      // The room has none: it may be deactivated.
      const roomOff = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/room-1', payload: { resource: { id: 'room-1', name: '診察室 1', roles: ['room'], active: false }, version: (await config()).version } });
      assert.equal(roomOff.statusCode, 200, roomOff.body);
      const changes = await t.db.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'scheduling.resource.put').execute();
      assert.deepEqual(changes.map((c) => c.resource_id).sort(), ['dr-sato', 'room-1', 'room-1']);
    });

    test('a clinic with no phone sends mails without a phone line', async () => {
      const other = await createTestApp(dialect, {}, { freshClinic: true });
      try {
        const a = await sessionFor(other, await createStaff(other, 'admin'));
        const r = await sessionFor(other, await createStaff(other, 'reception'));
        let cfg = (await as(other, a, { url: '/api/scheduling/config' })).json();
        cfg = (await as(other, a, { method: 'PUT', url: '/api/scheduling/calendar', payload: { ...HOURS, version: cfg.version } })).json();
        const dr = await as(other, a, { method: 'PUT', url: '/api/scheduling/resources/dr-1', payload: { resource: { id: 'dr-1', name: '医師 1', roles: ['doctor'] }, version: cfg.version } });
        assert.equal(dr.statusCode, 200, dr.body);
        const p = await newPatient(other, r);
        const res = await as(other, r, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: '2026-12-02T09:00:00+09:00' } });
        assert.equal(res.statusCode, 201, res.body);
        const mail = await other.db.db.selectFrom('outbox').select('body_text').where('patient_id', '=', p.id).where('kind', '=', 'appointment_confirmation').executeTakeFirstOrThrow();
        assert.doesNotMatch(mail.body_text, /お電話（|phone \d|03-0000-0000/);
        assert.match(mail.body_text, /お電話でお願いします/);
      } finally {
        await other.destroy();
      }
    });
  });
}
