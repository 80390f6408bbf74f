// The services editor: names, duration, what a service needs and whether patients book it online;
// the first visit (初診, the service that sends the WEB問診) stays bookable by staff only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Service } from '@mimamori/core/scheduling/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

for (const dialect of testDialects()) {
  describe(`the services editor (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(dialect);
      admin = await signedIn(t, 'admin');
    });
    after(async () => t.destroy());

    const config = async () => (await as(t, admin, { url: '/api/scheduling/config' })).json() as { version: number; services: Service[] };
    const put = (id: string, service: unknown, version: number) => as(t, admin, { method: 'PUT', url: `/api/scheduling/services/${id}`, payload: { service, version } });

    test('初診 saved as the config sends it: renamed, longer, still staff only and still sending the intake', async () => {
      const cfg = await config();
      const shoshin = cfg.services.find((s) => s.id === 'shoshin')!;
      assert.equal(shoshin.sendsIntake, true);
      const res = await put('shoshin', { ...shoshin, name: '初診（60分）', nameEn: 'First visit (60 min)', durationMinutes: 75 }, cfg.version);
      assert.equal(res.statusCode, 200, res.body);
      const saved = (res.json() as { services: Service[] }).services.find((s) => s.id === 'shoshin')!;
      assert.equal(saved.name, '初診（60分）');
      assert.equal(saved.durationMinutes, 75);
      assert.equal(saved.channel, 'staff_only');
      assert.equal(saved.sendsIntake, true);
    });

    test('初診 cannot be made online-bookable, even without the intake flag: 400 in Japanese, nothing written', async () => {
      const cfg = await config();
      const shoshin = cfg.services.find((s) => s.id === 'shoshin')!;
      const { sendsIntake: _s, ...withoutFlag } = shoshin;
      for (const body of [{ ...shoshin, channel: 'patient_online' }, { ...withoutFlag, channel: 'patient_online' }]) {
        const res = await put('shoshin', body, cfg.version);
        assert.equal(res.statusCode, 400, res.body);
        const details = res.json().error.details as { path: string; message: string }[];
        assert.match(details.find((d) => d.path === 'channel')!.message, /初診.*オンライン予約にできません/);
      }
      const after = await config();
      assert.equal(after.version, cfg.version);
      assert.equal(after.services.find((s) => s.id === 'shoshin')!.channel, 'staff_only');
    });

    test('a service needing nothing, with no duration: every problem at once, nothing written', async () => {
      const cfg = await config();
      const saishin = cfg.services.find((s) => s.id === 'saishin')!;
      const res = await put('saishin', { ...saishin, durationMinutes: 0, requires: [] }, cfg.version);
      assert.equal(res.statusCode, 400, res.body);
      const details = res.json().error.details as { path: string; message: string }[];
      assert.deepEqual(details.map((d) => d.path).sort(), ['durationMinutes', 'requires']);
      assert.match(details.find((d) => d.path === 'requires')!.message, /必要な担当者・設備を1つ以上選んでください/);
      assert.deepEqual((await config()).services.find((s) => s.id === 'saishin'), saishin);
    });

    test('再診 made staff only and a new service added, each audited', async () => {
      let cfg = await config();
      const saishin = cfg.services.find((s) => s.id === 'saishin')!;
      const r1 = await put('saishin', { ...saishin, channel: 'staff_only', requires: [{ role: 'doctor' }, { role: 'room' }] }, cfg.version);
      assert.equal(r1.statusCode, 200, r1.body);
      cfg = r1.json();
      const added: Service = { id: 'service-0a1b2c3d', name: '家族面談', nameEn: 'Family meeting', durationMinutes: 45, requires: [{ role: 'psychologist' }], channel: 'patient_online', active: true };
      const r2 = await put(added.id, added, cfg.version);
      assert.equal(r2.statusCode, 200, r2.body);
      const after = await config();
      assert.deepEqual(after.services.find((s) => s.id === 'saishin')!.requires, [{ role: 'doctor' }, { role: 'room' }]);
      const fresh = after.services.find((s) => s.id === added.id)!;
      assert.equal(fresh.name, '家族面談');
      assert.equal(fresh.sendsIntake, undefined);
      assert.equal(after.services.at(-1)!.id, added.id);
      const audited = await t.db.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'scheduling.service.put').where('clinic_id', '=', t.clinicId).execute();
      assert.deepEqual(audited.map((a) => a.resource_id).sort(), ['saishin', 'service-0a1b2c3d', 'shoshin']);
    });
  });
}
