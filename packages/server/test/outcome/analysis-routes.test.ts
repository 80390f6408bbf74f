import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/example-programs';
import { newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const day0 = Date.parse('2026-04-06T01:00:00Z');
const at = (d: number) => new Date(day0 + d * 86_400_000).toISOString();
const P = EXOSOME_PROGRAM.id;

/** The entries of a ZIP archive (deflate), read from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const size = buf.readUInt32LE(p + 20), nameLen = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32), local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, inflateRawSync(buf.subarray(start, start + size)));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

const plan = {
  primary: { scale: 'phq9', visit: 'week8' }, visits: ['week2', 'week4', 'week8'], alpha: 0.05,
  secondary: [{ scale: 'gad7', visit: 'week8' }], responder: { minReduction: 0.5 }, remission: { atMost: 4, sustained: false },
  sensitivity: ['completers', 'paired', 'locf'], biomarkers: [{ id: 'bdnf_up', analyte: 'bdnf', sampleType: 'serum', direction: 'increase', visit: 'week8' }],
};

for (const dialect of testDialects()) {
  describe(`analysis page routes: plan, lock, amend, data cut, report, bundle (${dialect})`, () => {
    let t: TestApp;
    let researcher: Session;
    let nurse: Session;
    const people: Array<{ id: string; number: string; name: string }> = [];
    before(async () => {
      t = await createTestApp(dialect);
      researcher = await signedIn(t, 'researcher');
      nurse = await signedIn(t, 'nurse');
      const reception = await signedIn(t, 'reception');
      const db = t.db.db;
      const now = '2026-03-01T00:00:00.000Z';
      await db.insertInto('program_definitions').values({ id: newId(), clinic_id: t.clinicId, program_id: P, version: EXOSOME_PROGRAM.version, definition_json: JSON.stringify(EXOSOME_PROGRAM), created_by: null, created_at: now }).execute();
      for (let i = 0; i < 6; i++) {
        const name = `見守 花子${'一二三四五六'[i]}`;
        const p = (await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: name, nameKana: `ミマモリ ${['イチ', 'ニ', 'サン', 'ヨン', 'ゴ', 'ロク'][i]}`, phone: `090-0000-200${i}` }) })).json().patient;
        people.push({ id: p.id, number: p.patientNumber, name });
        const enrolmentId = newId();
        // the last participant withdrew and asked that their data not be used
        const consent = i === 5 ? { status: 'withdrawn', since: '2026-03-20', scopes: [], withdrawnOn: '2026-04-20', withdrawnAt: '2026-04-20T01:00:00Z', dataChoice: 'delete_from_future_exports', recordedBy: 'x' } : { status: 'given', since: '2026-03-20', scopes: [] };
        await db.insertInto('program_enrolments').values({
          id: enrolmentId, clinic_id: t.clinicId, patient_id: p.id, program_id: P, program_version: EXOSOME_PROGRAM.version, status: i === 5 ? 'withdrawn' : i < 4 ? 'completed' : 'active',
          history_json: '[]', eligibility_json: null, consent_state_json: JSON.stringify(consent), enrolment_date: '2026-03-30', schedule_json: null, created_at: now, updated_at: now, row_version: 1,
        }).execute();
        for (let s = 0; s < 3; s++) await db.insertInto('program_sessions').values({ id: newId(), clinic_id: t.clinicId, enrolment_id: enrolmentId, patient_id: p.id, kind: 'infusion', session_number: s + 1, lot_key: 'L', started_at: at(s * 14), record_json: '{}', created_by: null, created_at: now }).execute();
        const w = [[3, 1, 4], [1, 5, 9], [2, 6, 5], [3, 5, 8], [9, 7, 9], [3, 2, 3]][i];
        for (const [d, total] of [[-20, 17 + i], [-2, 16 + i], [14, 14 + i - w[0]], [28, 12 + i - w[1]], [56, 10 + i - w[2]]] as const) {
          const responseId = newId();
          await db.insertInto('scale_responses').values({ id: responseId, clinic_id: t.clinicId, patient_id: p.id, instance_id: null, scale_id: 'phq9', scale_version: '1.0.0', informant: 'self', source: 'staff', answers_json: '{}', idempotency_key: null, entered_by: null, submitted_at: at(d) }).execute();
          await db.insertInto('scale_scores').values({ id: newId(), clinic_id: t.clinicId, patient_id: p.id, response_id: responseId, scale_id: 'phq9', scale_version: '1.0.0', valid: 1, total, band: null, band_set: null, missing: 0, prorated: 0, subscales_json: '{}', flags_json: '[]', reason_json: null, scored_at: at(d) }).execute();
        }
      }
    });
    after(() => t.destroy());

    test('a bad plan is refused field by field in Japanese and English, and nothing is written', async () => {
      const bad = { ...plan, primary: { scale: 'phq9', visit: 'week9' }, biomarkers: [{ id: 'x', analyte: 'bdnf', sampleType: 'serum', direction: 'increase', visit: 'week2' }] };
      const ja = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan: bad } });
      assert.equal(ja.statusCode, 400, ja.body);
      const paths = ja.json().error.details.map((d: { path: string }) => d.path);
      assert.ok(paths.includes('primary.visit') && paths.includes('biomarkers[0].analyte'), paths.join());
      assert.match(ja.json().error.details.find((d: { path: string }) => d.path === 'primary.visit').message, /投与後の来院「week9」はありません/);
      const en = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan: bad }, headers: { 'accept-language': 'en' } });
      assert.match(en.json().error.details.find((d: { path: string }) => d.path === 'primary.visit').message, /no post-baseline visit "week9"/);
      const range = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan: { ...plan, alpha: 0.7 } } });
      assert.equal(range.statusCode, 400);
      assert.equal(range.json().error.details[0].path, 'plan.alpha');
      const pp = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan: { ...plan, sensitivity: ['per_protocol'], perProtocol: { doses: 0, intervalDays: 14, windowBeforeDays: -1, windowAfterDays: 3 } } } });
      assert.equal(pp.statusCode, 400, pp.body);
      const ppErrors = pp.json().error.details as Array<{ path: string; message: string }>;
      assert.deepEqual(ppErrors.map((d) => d.path).sort(), ['plan.perProtocol.doses', 'plan.perProtocol.windowBeforeDays']);
      for (const d of ppErrors) assert.match(d.message, /[\u3040-\u30ff\u4e00-\u9fff]/, `${d.path}: ${d.message}`);
      const draft = (await as(t, researcher, { url: `/api/programs/${P}/analysis-plans` })).json().draft;
      const course = EXOSOME_PROGRAM.sessions;
      assert.equal(course.spacing, 'fixed_interval');
      if (course.spacing === 'fixed_interval') {
        assert.deepEqual(draft.perProtocol, { doses: course.count, intervalDays: course.intervalDays, windowBeforeDays: course.windowBeforeDays, windowAfterDays: course.windowAfterDays });
      }
      assert.equal(draft.primary.scale, 'phq9');
      assert.equal((await t.db.db.selectFrom('analysis_plans').selectAll().execute()).length, 0);
    });

    test('save, lock (hash, lock time), amend with a reason; the nurse may not; every step audited', async () => {
      assert.equal((await as(t, nurse, { url: `/api/programs/${P}/analysis-plans` })).statusCode, 403);
      const saved = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan } });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json(), { version: 1, created: true });
      const locked = await as(t, researcher, { method: 'POST', url: `/api/programs/${P}/analysis-plan/lock` });
      assert.equal(locked.statusCode, 200, locked.body);
      assert.match(locked.json().sha256, /^[0-9a-f]{64}$/);
      assert.equal(locked.json().lockedAt, t.clock.now.toISOString());
      const again = await as(t, researcher, { method: 'POST', url: `/api/programs/${P}/analysis-plan/lock` });
      assert.equal(again.statusCode, 409);
      const noReason = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan } });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.json().error.message, /改訂の理由/);
      const amended = await as(t, researcher, { method: 'PUT', url: `/api/programs/${P}/analysis-plan`, payload: { plan: { ...plan, alpha: 0.01, sensitivity: [...plan.sensitivity, 'per_protocol', 'tipping_point'], perProtocol: { doses: 4, intervalDays: 14, windowBeforeDays: 2, windowAfterDays: 3 } }, reason: 'α を厳しくする' } });
      assert.deepEqual(amended.json(), { version: 2, created: true }, amended.body);
      const list = (await as(t, researcher, { url: `/api/programs/${P}/analysis-plans` })).json();
      assert.equal(list.versions.length, 2);
      assert.equal(list.versions[0].sha256, locked.json().sha256);
      assert.equal(list.versions[0].lockedBeforeFirstEnrolment, false);
      assert.equal(list.versions[1].amendmentReason, 'α を厳しくする');
      assert.equal(list.versions[1].lockedAt, null);
      assert.deepEqual(list.versions[1].plan.perProtocol, { doses: 4, intervalDays: 14, windowBeforeDays: 2, windowAfterDays: 3 });
      assert.deepEqual(list.versions[1].plan.sensitivity, ['completers', 'paired', 'locf', 'per_protocol', 'tipping_point']);
      const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_role']).where('resource', '=', 'analysis_plan').orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['analysis_plan.create', 'analysis_plan.lock', 'analysis_plan.amend']);
      assert.ok(audit.every((a) => a.actor_role === 'researcher'));
    });

    test('a data cut is frozen and hashed; its report and bundle carry no identity; the bundle manifest matches', async () => {
      const made = await as(t, researcher, { method: 'POST', url: `/api/programs/${P}/data-cuts`, payload: {} });
      assert.equal(made.statusCode, 201, made.body);
      const cut = made.json();
      assert.equal(cut.plan.version, 1);
      assert.equal(cut.participants, 5);
      assert.equal(cut.excludedNoDataUse, 1);
      assert.match(cut.sha256, /^[0-9a-f]{64}$/);
      const list = (await as(t, researcher, { url: `/api/programs/${P}/data-cuts` })).json();
      assert.deepEqual(list.items.map((c: { id: string }) => c.id), [cut.id]);
      const json = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report` });
      assert.equal(json.json().plan.version, 1);
      assert.equal(json.json().flow.dosed, 5);
      const html = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report?format=html&lang=en` });
      assert.match(html.body, /Participant flow/);
      assert.match(String(html.headers['content-security-policy']), /sandbox/);
      const zip = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/bundle?pdf=false` });
      assert.equal(zip.statusCode, 200);
      const entries = unzip(zip.rawPayload);
      const manifest = JSON.parse(entries.get('bundle.json')!.toString('utf8'));
      for (const [name, hash] of Object.entries(manifest.files)) assert.equal(createHash('sha256').update(entries.get(name)!).digest('hex'), hash, name);
      assert.equal(createHash('sha256').update(entries.get('data/manifest.json')!).digest('hex'), cut.sha256);
      for (const body of [made.body, JSON.stringify(list), json.body, html.body, ...[...entries.values()].map((b) => b.toString('utf8'))]) {
        for (const p of people) for (const secret of [p.id, p.number, p.name, 'ミマモリ']) assert.ok(!body.includes(secret), `shows ${secret}`);
      }
      const other = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${'0'.repeat(32)}/report` });
      assert.equal(other.statusCode, 404);
      const actions = (await t.db.db.selectFrom('audit_log').select('action').where('actor_role', '=', 'researcher').execute()).map((a) => a.action);
      for (const a of ['program.data_cut', 'data_cut.list', 'data_cut.report', 'data_cut.bundle']) assert.ok(actions.includes(a), a);
    });

    test('a cut is reported again under a later locked plan version: that version, its lock, post hoc, and the version it was cut under', async () => {
      const cut = (await as(t, researcher, { url: `/api/programs/${P}/data-cuts` })).json().items[0];
      assert.equal(cut.plan.version, 1);
      // version 2 is still a draft: refused, in the reader's language, with the field at fault
      const draft = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report?planVersion=2`, headers: { 'accept-language': 'ja' } });
      assert.equal(draft.statusCode, 400);
      assert.match(draft.json().error.message, /第2版はまだ固定されていません/);
      assert.equal(draft.json().error.details[0].path, 'planVersion');
      const missing = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report?planVersion=9`, headers: { 'accept-language': 'en' } });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().error.message, /no version 9/);
      t.clock.advance(60_000);
      const locked = await as(t, researcher, { method: 'POST', url: `/api/programs/${P}/analysis-plan/lock` });
      assert.equal(locked.statusCode, 200, locked.body);
      const v2 = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report?planVersion=2` });
      assert.equal(v2.statusCode, 200, v2.body);
      const r = v2.json();
      assert.equal(r.plan.version, 2);
      assert.equal(r.plan.lockedAt, locked.json().lockedAt);
      assert.equal(r.plan.sha256, locked.json().sha256);
      assert.equal(r.plan.lockedBeforeCut, false);
      assert.equal(r.plan.postHoc, true);
      assert.equal(r.plan.cutPlan.version, 1);
      assert.equal(r.sensitivity.prespecified.per_protocol, false);
      assert.ok(r.limitations.some((l: { code: string }) => l.code === 'plan_locked_after_cut'));
      // the same cut under its own plan is unchanged
      const v1 = (await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report?planVersion=1` })).json();
      assert.equal(v1.plan.version, 1);
      assert.equal(v1.plan.cutPlan, null);
      assert.equal(v1.plan.postHoc, false);
      for (const lang of ['ja', 'en'] as const) {
        const html = await as(t, researcher, { url: `/api/programs/${P}/data-cuts/${cut.id}/report?format=html&lang=${lang}&planVersion=2` });
        assert.equal(html.statusCode, 200);
        assert.match(html.body, lang === 'ja' ? /版 2 · 固定日時 .*計画はデータカットの後に固定されました.*第1版の計画で作成されました/s : /version 2 · locked at .*the plan was locked after the data cut.*made under plan version 1/s);
        for (const p of people) for (const secret of [p.id, p.number, p.name, 'ミマモリ']) assert.ok(!html.body.includes(secret), `shows ${secret}`);
      }
      const audit = await t.db.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'data_cut.report').where('resource_id', '=', cut.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.match(String(audit.detail), /plan_version=2/);
    });
  });
}
