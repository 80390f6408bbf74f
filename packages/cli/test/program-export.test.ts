import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/example-programs';
import { parseDataCut, dataCutFiles, type DataCutFileName } from '@mimamori/core/outcome/index';
import { insertClinic, loadOrCreateSecretKey, lockAnalysisPlan, newId, saveAnalysisPlan, studyIdFor } from '@mimamori/storage';
import { canonicalJson } from '@mimamori/core/text/canonical-json';
import { sha256Hex } from '@mimamori/core/programs/sha256';
import { writeFileSync } from 'node:fs';
import { createTestDb, testDialects, type TestDb } from '../../storage/test/test-db.ts';
import { main } from '../src/main.ts';

function cli(env: Record<string, string | undefined>, cwd: string) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env, cwd });
    return { code, out, err };
  };
}

const NOW = '2026-09-01T00:00:00.000Z';
const day0 = Date.parse('2026-04-06T01:00:00Z'); // first infusion, 10:00 in Tokyo

/** An instant `d` days after the first dose (10:00 Tokyo). */
const at = (d: number) => new Date(day0 + d * 86_400_000).toISOString();

for (const dialect of testDialects()) {
  describe(`mimamori program list / export (${dialect})`, () => {
    let t: TestDb;
    let dir: string;
    let run: ReturnType<typeof cli>;
    let keyFile: string;
    const clinicId = newId();
    const patients: Array<{ id: string; number: string; name: string; kana: string; birth: string }> = [];

    before(async () => {
      t = await createTestDb(dialect);
      dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
      keyFile = join(dir, 'clinic.key');
      loadOrCreateSecretKey(keyFile);
      const env = { ...(dialect === 'postgres' ? { DATABASE_URL: t.url } : { MIMAMORI_DB: t.location }), MIMAMORI_KEY_FILE: keyFile };
      run = cli(env, dir);
      const db = t.db;
      await insertClinic(db, { id: clinicId, name: 'Test clinic', timeZone: 'Asia/Tokyo', now: NOW });
      await db.insertInto('program_definitions').values({ id: newId(), clinic_id: clinicId, program_id: EXOSOME_PROGRAM.id, version: EXOSOME_PROGRAM.version, definition_json: JSON.stringify(EXOSOME_PROGRAM), created_by: null, created_at: NOW }).execute();
      // five participants: three dosed (one withdrew keeping data, one withdrew deleting it), one ineligible, one completed
      const plans = [
        { status: 'completed', consent: 'given', scores: [[-20, 18], [-3, 16], [14, 12], [28, 9], [57, 6]] },
        { status: 'active', consent: 'given', scores: [[-18, 14], [-2, 15], [15, 13]] },
        { status: 'withdrawn', consent: 'keep', scores: [[-21, 20], [-1, 19], [13, 17], [29, 15]] },
        { status: 'withdrawn', consent: 'delete', scores: [[-20, 22], [-1, 21], [14, 20]] },
        { status: 'ineligible', consent: 'none', scores: [[-30, 3]] },
      ] as const;
      for (const [i, p] of plans.entries()) {
        const pid = newId();
        const number = `90${i}001`;
        patients.push({ id: pid, number, name: `試験 花子${i}`, kana: `シケン ハナコ${i}`, birth: `198${i}-05-0${i + 1}` });
        await db.insertInto('patients').values({
          id: pid, clinic_id: clinicId, patient_number: number, name_kanji: `試験 花子${i}`, name_kana: `シケン ハナコ${i}`, name_kana_norm: `シケンハナコ${i}`,
          birth_date: `198${i}-05-0${i + 1}`, sex: i % 2 ? 'male' : 'female', phone: null, phone_norm: null, email: null, postal_code: null, address: null,
          notes: '自由記述のメモ', guardians_json: '[]', is_demo: 0, version: 1, created_at: NOW, created_by: null, updated_at: NOW, updated_by: null,
        }).execute();
        const consent = p.consent === 'none' ? { status: 'not_given' }
          : p.consent === 'given' ? { status: 'given', since: '2026-03-20', scopes: [] }
          : { status: 'withdrawn', since: '2026-03-20', scopes: [], withdrawnOn: '2026-05-10', withdrawnAt: '2026-05-10T02:00:00Z', dataChoice: p.consent === 'keep' ? 'keep' : 'delete_from_future_exports', recordedBy: 'ns', reason: '家族の事情で通院が難しい' };
        const enrolmentId = newId();
        await db.insertInto('program_enrolments').values({
          id: enrolmentId, clinic_id: clinicId, patient_id: pid, program_id: EXOSOME_PROGRAM.id, program_version: EXOSOME_PROGRAM.version, status: p.status,
          history_json: '[]', eligibility_json: null, consent_state_json: JSON.stringify(consent), enrolment_date: p.consent === 'none' ? null : '2026-03-30', schedule_json: null,
          created_at: '2026-03-01T00:00:00Z', updated_at: NOW, row_version: 1,
        }).execute();
        if (p.consent !== 'none') {
          for (let s = 0; s < (p.status === 'completed' ? 5 : 2); s++) {
            await db.insertInto('program_sessions').values({ id: newId(), clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: pid, kind: 'infusion', session_number: s + 1, lot_key: 'LOT1', started_at: at(s * 14), record_json: '{}', created_by: null, created_at: NOW }).execute();
          }
        }
        for (const [d, total] of p.scores) {
          const responseId = newId();
          await db.insertInto('scale_responses').values({ id: responseId, clinic_id: clinicId, patient_id: pid, instance_id: null, scale_id: 'phq9', scale_version: '1.0.0', informant: 'self', source: 'staff', answers_json: '{}', idempotency_key: null, entered_by: null, submitted_at: at(d) }).execute();
          await db.insertInto('scale_scores').values({ id: newId(), clinic_id: clinicId, patient_id: pid, response_id: responseId, scale_id: 'phq9', scale_version: '1.0.0', valid: 1, total, band: null, band_set: null, missing: 0, prorated: 0, subscales_json: '{}', flags_json: '[]', reason_json: null, scored_at: at(d) }).execute();
        }
        if (i === 0) {
          await db.insertInto('program_adverse_events').values({
            id: newId(), clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: pid, onset_date: '2026-04-07', serious: 0, created_at: NOW, updated_at: NOW,
            record_json: JSON.stringify({ id: 'ae1', enrolmentId, term: 'headache', onsetDate: '2026-04-07', grade: 1, seriousness: [], relatedness: 'possible', expectedness: 'expected', actionTaken: 'none', outcome: 'recovered', endDate: '2026-04-08', sessionNumber: 1, description: '頭痛を訴えた（自由記述）', reportedBy: 'dr', reportedAt: NOW }),
          }).execute();
        }
      }
    });
    after(async () => {
      await t.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    test('program list --json prints [{"id","name"}]', async () => {
      const r = await run('program', 'list', '--json');
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(JSON.parse(r.out), [{ id: EXOSOME_PROGRAM.id, name: EXOSOME_PROGRAM.title.ja }]);
    });

    test('program export writes a data cut that parses, keyed study ids, days from the first dose, no identity or free text', async () => {
      const r = await run('program', 'export', EXOSOME_PROGRAM.id, '--out', 'cut1', '--at', NOW);
      assert.equal(r.code, 0, r.err);
      const out = join(dir, 'cut1');
      assert.deepEqual(readdirSync(out).sort(), [...dataCutFiles].sort());
      const files = Object.fromEntries(dataCutFiles.map((f) => [f, readFileSync(join(out, f), 'utf8')])) as Record<DataCutFileName, string>;
      const cut = parseDataCut(files);
      // the participant who asked that their data not be used is left out and counted
      assert.equal(cut.participants.length, 4);
      assert.equal(cut.manifest.excludedNoDataUse, 1);
      const key = loadOrCreateSecretKey(keyFile).key;
      const sid = (i: number) => studyIdFor(key, EXOSOME_PROGRAM.id, patients[i].id);
      assert.deepEqual(cut.participants.map((p) => p.studyId).sort(), [0, 1, 2, 4].map(sid).sort());
      assert.ok(!cut.participants.some((p) => p.studyId === sid(3)));
      const first = cut.participants.find((p) => p.studyId === sid(0))!;
      assert.deepEqual({ status: first.status, dosed: first.dosed, completed: first.completed, doses: first.doses, ageBand: first.ageBand }, { status: 'completed', dosed: true, completed: true, doses: 5, ageBand: '40-49' });
      const ineligible = cut.participants.find((p) => p.studyId === sid(4))!;
      assert.equal(ineligible.status, 'screen_failed');
      assert.ok(!cut.outcomes.some((o) => o.studyId === sid(4)), 'no data of someone who never consented');
      const o0 = cut.outcomes.filter((o) => o.studyId === sid(0) && o.scale === 'phq9').map((o) => [o.visit, o.day, o.total]);
      assert.deepEqual(o0, [['screening', -20, 18], ['baseline', -3, 16], ['week2', 14, 12], ['week4', 28, 9], ['week8', 57, 6], ['week12', null, null]]);
      // withdrawn with "keep": data up to the withdrawal date (2026-05-10 = day 34) only
      const o2 = cut.outcomes.filter((o) => o.studyId === sid(2) && o.scale === 'phq9' && o.total !== null).map((o) => o.visit);
      assert.deepEqual(o2, ['screening', 'baseline', 'week2', 'week4']);
      assert.deepEqual(cut.adverseEvents.map((a) => [a.studyId, a.day, a.term, a.related]), [[sid(0), 1, 'headache', 'possible']]);
      const all = Object.values(files).join('\n');
      for (const p of patients) {
        for (const secret of [p.id, p.number, p.name, p.kana, p.birth]) assert.ok(!all.includes(secret), `the data cut contains ${secret}`);
      }
      for (const free of ['自由記述', '家族の事情', '2026-04']) assert.ok(!all.includes(free), `the data cut contains "${free}"`);
      // the manifest fingerprints each file as written
      const { createHash } = await import('node:crypto');
      for (const f of dataCutFiles.filter((x) => x !== 'manifest.json')) assert.equal(cut.manifest.files[f], createHash('sha256').update(files[f]).digest('hex'), f);
      // a draft plan (not locked) is derived from the program, and the report runs on the cut
      assert.equal(cut.plan.lockedAt, null);
      const rep = await run('report', '--data', 'cut1', '--format', 'json');
      assert.equal(rep.code, 0, rep.err);
      const j = JSON.parse(rep.out);
      assert.equal(j.flow.excludedNoDataUse, 1);
      assert.equal(j.plan.lockedAt, null);
      // the read is audited with counts only
      const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'program.data_cut').execute();
      assert.deepEqual(audit, [{ action: 'program.data_cut', detail: 'participants=4;excluded_no_data_use=1' }]);
    });

    test('plan save / lock: a bad plan changes nothing; lock hashes the canonical JSON into the audit chain; a locked plan is amended only with a reason; export uses the locked version', async () => {
      const plan = { version: 1, primary: { scale: 'phq9', visit: 'week8' }, visits: ['week2', 'week4', 'week8', 'week12', 'week24'], sensitivity: ['completers', 'paired'] };
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...plan, primary: { scale: 'phq9', visit: 'baseline' } }));
      const bad = await run('program', 'plan', 'save', EXOSOME_PROGRAM.id, '--file', 'bad.json');
      assert.equal(bad.code, 1);
      assert.match(bad.err, /plan\.json:primary\.visit/);
      assert.equal((await t.db.selectFrom('analysis_plans').selectAll().execute()).length, 0);
      writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
      const saved = await run('program', 'plan', 'save', EXOSOME_PROGRAM.id, '--file', 'plan.json', '--at', '2026-03-01T00:00:00Z');
      assert.equal(saved.code, 0, saved.err);
      const locked = await run('program', 'plan', 'lock', EXOSOME_PROGRAM.id, '--at', '2026-03-02T00:00:00Z');
      assert.equal(locked.code, 0, locked.err);
      const sha = /SHA-256 ([0-9a-f]{64})/.exec(locked.out)![1];
      assert.equal(sha, sha256Hex(canonicalJson({ ...plan, version: 1, lockedAt: '2026-03-02T00:00:00.000Z' })));
      const again = await run('program', 'plan', 'lock', EXOSOME_PROGRAM.id);
      assert.equal(again.code, 1);
      assert.match(again.err, /already locked/);
      const noReason = await run('program', 'plan', 'save', EXOSOME_PROGRAM.id, '--file', 'plan.json');
      assert.equal(noReason.code, 1);
      assert.match(noReason.err, /needs a reason/);
      assert.equal((await run('program', 'plan', 'save', EXOSOME_PROGRAM.id, '--file', 'plan.json', '--reason', 'week 12 added as secondary')).code, 0);
      const shown = JSON.parse((await run('program', 'plan', 'show', EXOSOME_PROGRAM.id)).out);
      assert.deepEqual(shown.map((v: { version: number; lockedAt: string | null }) => [v.version, v.lockedAt]), [[1, '2026-03-02T00:00:00.000Z'], [2, null]]);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('resource', '=', 'analysis_plan').orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['analysis_plan.create', 'analysis_plan.lock', 'analysis_plan.amend']);
      assert.equal(audit[1].detail, `sha256=${sha}`);
      assert.equal((await run('program', 'export', EXOSOME_PROGRAM.id, '--out', 'cut3', '--at', NOW)).code, 0);
      const manifest = JSON.parse(readFileSync(join(dir, 'cut3', 'manifest.json'), 'utf8'));
      assert.equal(manifest.planSha256, sha);
      const rep = JSON.parse((await run('report', '--data', 'cut3', '--format', 'json')).out);
      assert.deepEqual(rep.plan, { version: 1, sha256: sha, lockedAt: '2026-03-02T00:00:00.000Z', lockedBeforeCut: true, lockedBeforeFirstEnrolment: true, postHoc: false, cutPlan: null });
    });

    test('concurrent locks of one draft: exactly one wins; concurrent amendments make one new version', async () => {
      const base = { primary: { scale: 'phq9', visit: 'week8' } };
      const now = new Date(NOW);
      const locks = await Promise.allSettled([1, 2, 3, 4].map(() => lockAnalysisPlan(t.db, { programId: EXOSOME_PROGRAM.id, now })));
      assert.equal(locks.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(locks.map((r) => r.status)));
      for (const r of locks) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'invalid_state');
      const before = (await t.db.selectFrom('analysis_plans').selectAll().execute()).length;
      const saves = await Promise.allSettled([1, 2, 3].map((i) => saveAnalysisPlan(t.db, { programId: EXOSOME_PROGRAM.id, plan: { ...base, alpha: 0.01 * i }, reason: `amendment ${i}`, now })));
      for (const r of saves) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'conflict', String(r.reason));
      assert.equal(saves.filter((r) => r.status === 'fulfilled' && r.value.created).length, 1);
      assert.equal((await t.db.selectFrom('analysis_plans').selectAll().execute()).length, before + 1);
      const locked = await t.db.selectFrom('analysis_plans').select(['version', 'sha256', 'locked_at']).where('locked_at', 'is not', null).orderBy('version').execute();
      assert.deepEqual(locked.map((r) => r.version), [1, 2]);
    });

    test('export refuses an unknown program, a non-empty directory and a missing --out, and writes nothing', async () => {
      const r1 = await run('program', 'export', 'nope', '--out', 'cut2', '--at', NOW);
      assert.equal(r1.code, 2);
      assert.match(r1.err, /no program "nope"/);
      assert.throws(() => readdirSync(join(dir, 'cut2')));
      const r2 = await run('program', 'export', EXOSOME_PROGRAM.id, '--out', 'cut1', '--at', NOW);
      assert.equal(r2.code, 2);
      assert.match(r2.err, /not empty/);
      assert.equal((await run('program', 'export', EXOSOME_PROGRAM.id)).code, 2);
    });
  });
}
