import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedClinicCalendar, seedClinicResources } from '@mimamori/core/scheduling/index';
import { chainOf, createClinic, issueSetupLink, newId, putResource, raiseAlert, saveCalendar, verifyAudit, writeTransaction } from '@mimamori/storage';
import { asAttacker, disableAuditTriggers } from '../../storage/test/as-attacker.ts';
import { testDialects } from '../../storage/test/test-db.ts';
import { approvedProgram } from './programs/approved-program.ts';
import { newPatient } from './scheduling/scheduling-fixtures.ts';
import { as, createStaff, createTestApp, sessionFor, type Session, type TestApp } from './test-app.ts';

// The fake clock starts on Tuesday 1 December 2026, 10:00 in Tokyo; Wednesday is open.
const WED = '2026-12-02';

/** What one clinic made through the API: its staff sessions and the ids of its records. */
interface ClinicWorld {
  readonly clinicId: string;
  readonly admin: Session;
  readonly rec: Session;
  readonly doctor: Session;
  readonly patientId: string;
  readonly appointmentId: string;
  readonly alertId: string;
}

for (const dialect of testDialects()) {
  describe(`two clinics in one database never see each other's data (${dialect})`, () => {
    let t: TestApp;
    let a: ClinicWorld;
    let b: ClinicWorld;

    /** A clinic's records, made by its own staff: a patient, a first visit (its mails go to the outbox), an open alert, a program. */
    async function populate(clinicId: string, admin: Session): Promise<ClinicWorld> {
      const rec = await sessionFor(t, await createStaff(t, 'reception', { clinicId }));
      const doctor = await sessionFor(t, await createStaff(t, 'doctor', { clinicId }));
      // Both clinics register the same person: numbers, duplicates and names are per clinic.
      const p = await newPatient(t, rec, { nameKanji: '見守 花子', nameKana: 'ミマモリ ハナコ' });
      const booked = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: `${WED}T09:00:00+09:00` } });
      assert.equal(booked.statusCode, 201, booked.body);
      const alertId = newId();
      await writeTransaction(t.db.db, (tx) =>
        raiseAlert(tx, { id: alertId, clinicId, patientId: p.id, kind: 'suicidality', severity: 'urgent', sourceType: 'test', sourceId: alertId, summary: { key: 'alert.phq9_item9', params: { value: 2 } }, now: t.clock.now.toISOString() }),
      );
      const ex = await as(t, doctor, { url: '/api/programs/examples' });
      const input = ex.json().items.find((x: { id: string }) => x.id === 'tms-depression');
      const prog = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: approvedProgram(input) });
      assert.equal(prog.statusCode, 201, `the same program id in each clinic: ${prog.body}`);
      return { clinicId, admin, rec, doctor, patientId: p.id, appointmentId: booked.json().appointment.id, alertId };
    }

    before(async () => {
      t = await createTestApp(dialect);
      a = await populate(t.clinicId, await sessionFor(t, await createStaff(t, 'admin')));
      // The second clinic exactly as `mimamori clinic add` makes it, and its first administrator through its setup link.
      const { clinic, link } = await writeTransaction(t.db.db, async (tx) => {
        const clinic = await createClinic(tx, { name: '見守りクリニック 梅田', id: 'umeda', now: t.clock.now });
        // A new clinic starts empty; it is given hours and resources (what its walk-through would enter) so it can book.
        const { zone: _zone, ...hours } = seedClinicCalendar;
        await saveCalendar(tx, clinic.id, hours);
        for (const [i, resource] of seedClinicResources.entries()) await putResource(tx, { clinicId: clinic.id, resource, now: t.clock.now.toISOString(), sortOrder: i });
        return { clinic, link: await issueSetupLink(tx, { clinicId: clinic.id, publicUrl: t.config.publicUrl, now: t.clock.now }) };
      });
      const status = await t.app.inject({ url: `/api/setup/status?token=${link.token}` });
      assert.deepEqual(status.json(), { needsSetup: true, clinicName: '見守りクリニック 梅田' });
      const setup = await t.app.inject({
        method: 'POST', url: '/api/setup', payload: { token: link.token, loginId: 'umeda.admin', displayName: '梅田 管理者', password: 'umeda-first-admin-passphrase', clinicName: 'ignored' },
      });
      assert.equal(setup.statusCode, 200, setup.body);
      const bAdmin = await t.db.db.selectFrom('staff').selectAll().where('login_id', '=', 'umeda.admin').executeTakeFirstOrThrow();
      assert.equal(bAdmin.clinic_id, clinic.id);
      assert.equal(bAdmin.role, 'admin');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/setup', payload: { token: link.token, loginId: 'umeda.two', displayName: 'x', password: 'umeda-first-admin-passphrase' } })).statusCode, 410, 'the link works once');
      assert.deepEqual((await t.app.inject({ url: `/api/setup/status?token=${link.token}` })).json(), { needsSetup: false });
      const admin = await sessionFor(t, { staffId: bAdmin.id, clinicId: clinic.id, loginId: bAdmin.login_id, role: 'admin', password: '', totpSecret: '' });
      b = await populate(clinic.id, admin);
    });
    after(async () => t.destroy());

    const pairs = () => [[a, b], [b, a]] as const;

    test('patients: the other clinic\'s patient is 404, searches and lists hold only their own', async () => {
      for (const [me, other] of pairs()) {
        assert.equal((await as(t, me.rec, { url: `/api/patients/${other.patientId}` })).statusCode, 404);
        assert.equal((await as(t, me.rec, { method: 'PATCH', url: `/api/patients/${other.patientId}`, payload: { version: 1, notes: 'x' } })).statusCode, 404);
        const found = await as(t, me.rec, { url: `/api/patients?q=${encodeURIComponent('ミマモリ')}` });
        assert.deepEqual(found.json().items.map((p: { id: string }) => p.id), [me.patientId]);
      }
    });

    test('appointments: the other clinic\'s booking is 404 and absent from the day list', async () => {
      for (const [me, other] of pairs()) {
        assert.equal((await as(t, me.rec, { url: `/api/appointments/${other.appointmentId}` })).statusCode, 404);
        assert.equal((await as(t, me.rec, { method: 'POST', url: `/api/appointments/${other.appointmentId}/cancel`, payload: { version: 1 } })).statusCode, 404);
        const day = await as(t, me.rec, { url: `/api/appointments?from=${WED}&to=${WED}` });
        assert.equal(day.statusCode, 200, day.body);
        assert.deepEqual(day.json().appointments.map((x: { id: string }) => x.id), [me.appointmentId]);
      }
    });

    test('alerts: only the clinic\'s own; acknowledging the other\'s is 404', async () => {
      for (const [me, other] of pairs()) {
        const list = await as(t, me.doctor, { url: '/api/alerts?status=all' });
        assert.equal(list.statusCode, 200, list.body);
        assert.deepEqual(list.json().items.map((x: { id: string }) => x.id), [me.alertId]);
        const ack = await as(t, me.doctor, { method: 'POST', url: `/api/alerts/${other.alertId}/acknowledge`, payload: { note: 'x' } });
        assert.equal(ack.statusCode, 404, ack.body);
      }
    });

    test('outbox: each clinic sees only the mails its own bookings queued', async () => {
      for (const [me, other] of pairs()) {
        const box = await as(t, me.admin, { url: '/api/outbox' });
        assert.equal(box.statusCode, 200, box.body);
        const items = box.json().items as Array<{ id: string }>;
        assert.ok(items.length > 0, 'the first visit queued mail');
        const own = await t.db.db.selectFrom('outbox').select('id').where('clinic_id', '=', me.clinicId).execute();
        assert.deepEqual(items.map((x) => x.id).sort(), own.map((x) => x.id).sort());
        const theirs = await t.db.db.selectFrom('outbox').select('id').where('clinic_id', '=', other.clinicId).execute();
        const retry = await as(t, me.admin, { method: 'POST', url: `/api/outbox/${theirs[0]!.id}/retry` });
        assert.equal(retry.statusCode, 404, retry.body);
      }
    });

    test('programs and billing: the same program id lives apart in each clinic; the other\'s patient has no account here', async () => {
      for (const [me, other] of pairs()) {
        const list = await as(t, me.doctor, { url: '/api/programs' });
        assert.equal(list.json().items.length, 1);
        const enrolments = await as(t, me.doctor, { url: '/api/programs/tms-depression/enrolments' });
        assert.equal(enrolments.statusCode, 200, enrolments.body);
        assert.equal((await as(t, me.admin, { url: `/api/billing/patients/${other.patientId}` })).statusCode, 404);
        assert.equal((await as(t, me.admin, { url: `/api/billing/patients/${me.patientId}` })).statusCode, 200);
      }
    });

    test('audit: each clinic reads only its own chain, verified apart; damage in one chain does not touch the other', async () => {
      for (const [me, other] of pairs()) {
        const log = await as(t, me.admin, { url: '/api/audit?limit=500' });
        assert.equal(log.statusCode, 200, log.body);
        const items = log.json().items as Array<{ userId: string | null; patientId: string | null; resourceId: string | null; outcome: string; patientLabel: string | null }>;
        const staffOf = async (c: ClinicWorld) => new Set((await t.db.db.selectFrom('staff').select('id').where('clinic_id', '=', c.clinicId).execute()).map((s) => s.id));
        const mine = await staffOf(me);
        const theirs = await staffOf(other);
        assert.ok(items.length > 0);
        assert.ok(items.every((i) => !theirs.has(i.userId ?? '')), 'no row of the other clinic\'s staff');
        // The other clinic's ids appear only where this clinic's own staff tried them and were refused.
        const tried = items.filter((i) => [other.patientId, other.appointmentId, other.alertId].includes(i.patientId ?? i.resourceId ?? ''));
        assert.ok(tried.every((i) => i.outcome === 'denied' && mine.has(i.userId ?? '')), JSON.stringify(tried));
        // Rows read as names: the clinic's own patient by 診察券番号 and name; the other clinic's id is never named.
        const named = items;
        const ownRows = named.filter((i) => i.patientId === me.patientId);
        assert.ok(ownRows.length > 0 && ownRows.every((i) => i.patientLabel === '000001 見守 花子'), JSON.stringify(ownRows[0]));
        assert.ok(named.filter((i) => i.patientId === other.patientId).every((i) => i.patientLabel === null));
        const own = await t.db.db.selectFrom('audit_log').select('id').where('chain', '=', chainOf(me.clinicId)).execute();
        const verify = await as(t, me.admin, { url: '/api/audit/verify' });
        assert.deepEqual(verify.json(), { ok: true, rows: own.length, firstBadRowId: null, reason: null });
      }
      const setupRow = ((await as(t, b.admin, { url: '/api/audit?limit=500' })).json().items as Array<{ action: string; resourceName: string | null }>).find((i) => i.action === 'setup.admin_created');
      assert.equal(setupRow?.resourceName, '梅田 管理者', 'a staff member is named, not shown as an id');
      // Someone edits a row of the second clinic's chain past the application.
      await asAttacker(t.db, [...disableAuditTriggers(dialect), `UPDATE audit_log SET detail = 'edited' WHERE chain = '${chainOf(b.clinicId)}' AND seq = 2`]);
      assert.equal((await as(t, b.admin, { url: '/api/audit/verify' })).json().ok, false);
      assert.equal((await as(t, a.admin, { url: '/api/audit/verify' })).json().ok, true);
      assert.equal((await verifyAudit(t.db.db, { chains: [chainOf(a.clinicId)] })).ok, true);
      assert.equal((await verifyAudit(t.db.db)).ok, false);
    });
  });
}
