import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const kana = () => Array.from({ length: 6 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');

for (const dialect of testDialects()) {
  describe(`billing (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    let admin2: Session;
    let reception: Session;
    let researcher: Session;
    let nurse: Session;

    async function newPatient(): Promise<string> {
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}` }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().patient.id;
    }
    async function charge(patientId: string, code: string, over: Record<string, unknown> = {}): Promise<string> {
      const res = await as(t, reception, { method: 'POST', url: '/api/billing/charges', payload: { patientId, code, reason: '窓口で追加', ...over } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id;
    }

    before(async () => {
      t = await createTestApp(dialect);
      admin = await signedIn(t, 'admin');
      admin2 = await signedIn(t, 'admin');
      reception = await signedIn(t, 'reception');
      researcher = await signedIn(t, 'researcher');
      nurse = await signedIn(t, 'nurse');
      // The fake clock stands at 2026-12-01 10:00 Tokyo.
      const settings = await as(t, admin, { method: 'PUT', url: '/api/billing/settings', payload: { address: '東京都千代田区1-1', phone: '03-0000-0000', registrationNumber: 'Ｔ７０００-０１２０-５０００２', rounding: 'floor' } });
      assert.equal(settings.statusCode, 200, settings.body);
      assert.equal(settings.json().registrationNumber, 'T7000012050002');
      for (const p of [
        { code: 'DOC', name: { ja: '診断書', en: 'Medical certificate' }, priceYen: 5_500, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01' },
        { code: 'SCR', name: { ja: 'スクリーニング', en: 'Screening' }, priceYen: 1_005, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01' },
        { code: 'INS', name: { ja: '保険診療分', en: 'Insured care' }, priceYen: 3_000, taxCategory: 'non_taxable', effectiveFrom: '2026-12-01' },
      ]) assert.equal((await as(t, admin, { method: 'POST', url: '/api/billing/prices', payload: p })).statusCode, 201);
    });
    after(() => t.destroy());

    test('only admin changes prices and settings; a bad registration number is refused in the user’s language; researchers see nothing', async () => {
      const bad = await as(t, admin, { method: 'PUT', url: '/api/billing/settings', payload: { address: '', phone: '', registrationNumber: 'T123', rounding: 'floor' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path), ['registrationNumber']);
      assert.match(bad.json().error.details[0].message, /13桁/);
      assert.equal((await as(t, reception, { method: 'POST', url: '/api/billing/prices', payload: { code: 'X', name: { ja: 'x', en: 'x' }, priceYen: 1, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01' } })).statusCode, 403);
      for (const url of ['/api/billing/prices', '/api/billing/closing?date=2026-12-01', '/api/billing/settings']) {
        assert.equal((await as(t, researcher, { method: 'GET', url })).statusCode, 403, url);
        assert.equal((await as(t, nurse, { method: 'GET', url })).statusCode, 403, url);
      }
      const past = await as(t, admin, { method: 'POST', url: '/api/billing/prices', headers: { 'accept-language': 'en' }, payload: { code: 'DOC', name: { ja: '診断書', en: 'Medical certificate' }, priceYen: 6_600, taxCategory: 'taxable_10', effectiveFrom: '2026-11-30' } });
      assert.equal(past.statusCode, 400);
      assert.match(past.json().error.details[0].message, /past prices cannot change/);
    });

    test('a price change applies from its date; a charge made before keeps the old price', async () => {
      const pid = await newPatient();
      assert.equal((await as(t, admin, { method: 'POST', url: '/api/billing/prices', payload: { code: 'SCR2', name: { ja: '面談', en: 'Interview' }, priceYen: 11_000, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01' } })).statusCode, 201);
      assert.equal((await as(t, admin, { method: 'POST', url: '/api/billing/prices', payload: { code: 'SCR2', name: { ja: '面談', en: 'Interview' }, priceYen: 13_200, taxCategory: 'taxable_10', effectiveFrom: '2026-12-10' } })).statusCode, 201);
      const dup = await as(t, admin, { method: 'POST', url: '/api/billing/prices', payload: { code: 'SCR2', name: { ja: '面談', en: 'Interview' }, priceYen: 1, taxCategory: 'taxable_10', effectiveFrom: '2026-12-10' } });
      assert.equal(dup.statusCode, 409);
      const before = (await as(t, reception, { method: 'POST', url: '/api/billing/charges', payload: { patientId: pid, code: 'SCR2', reason: '面談' } })).json();
      assert.equal(before.unitPriceYen, 11_000);
      const later = (await as(t, reception, { method: 'POST', url: '/api/billing/charges', payload: { patientId: pid, code: 'SCR2', reason: '面談', date: '2026-12-10' } })).json();
      assert.equal(later.unitPriceYen, 13_200);
      const acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.deepEqual(acct.charges.map((c: { unitPriceYen: number }) => c.unitPriceYen), [11_000, 13_200]);
    });

    test('reception takes a payment; the statement has a gapless number, tax once per rate, and the PDF says so', async () => {
      const pid = await newPatient();
      const noReason = await as(t, reception, { method: 'POST', url: '/api/billing/charges', payload: { patientId: pid, code: 'DOC' } });
      assert.equal(noReason.statusCode, 400);
      const ids = [await charge(pid, 'SCR'), await charge(pid, 'SCR'), await charge(pid, 'SCR', { quantity: 1 }), await charge(pid, 'INS')];
      const pay = await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: ids, method: 'cash' } });
      assert.equal(pay.statusCode, 201, pay.body);
      const s = pay.json().statement;
      assert.match(s.number, /^2026-\d{6}$/);
      // 3 × ¥1,005 = ¥3,015 → tax 274 once for the rate (per line it would be 91 × 3 = 273).
      assert.deepEqual(s.model.rates, [
        { taxCategory: 'taxable_10', ratePercent: 10, totalYen: 3_015, taxYen: 274 },
        { taxCategory: 'non_taxable', ratePercent: 0, totalYen: 3_000, taxYen: 0 },
      ]);
      assert.equal(s.model.issuer.registrationNumber, 'T7000012050002');
      const again = await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [ids[0]], method: 'card' } });
      assert.equal(again.statusCode, 409);
      const acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.equal(acct.balance.balanceYen, 0);
      assert.equal(acct.payments[0].receivedBy, reception.staff.loginId.startsWith('reception') ? acct.payments[0].receivedBy : null);
      assert.ok(acct.payments[0].receivedBy);
      const audit = await t.db.db.selectFrom('audit_log').select('action').where('patient_id', '=', pid).execute();
      for (const a of ['billing.charge', 'billing.payment', 'billing.statement.issue', 'billing.account.read']) assert.ok(audit.some((x) => x.action === a), a);
    });

    test('statement numbers have no gaps under concurrent payments', async () => {
      const pid = await newPatient();
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await charge(pid, 'DOC'));
      const results = await Promise.all(ids.map((id) => as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [id], method: 'cash' } })));
      // Two payments of the same charge at once: one wins.
      const c = await charge(pid, 'DOC');
      const race = await Promise.all([1, 2, 3].map(() => as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [c], method: 'card' } })));
      assert.deepEqual(race.map((r) => r.statusCode).sort(), [201, 409, 409], race.map((r) => r.body).join('\n'));
      for (const r of results) assert.equal(r.statusCode, 201, r.body);
      const rows = await t.db.db.selectFrom('billing_statements').select(['seq']).where('clinic_id', '=', t.clinicId).where('year', '=', 2026).orderBy('seq').execute();
      assert.deepEqual(rows.map((r) => Number(r.seq)), rows.map((_, i) => i + 1));
      assert.equal(new Set(results.map((r) => r.json().statement.number)).size, 12);
    });

    test('void and reissue: the old statement stays, marked void, and the new one has the next number; 再発行 is marked', async () => {
      const pid = await newPatient();
      const s = (await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [await charge(pid, 'DOC')], method: 'card' } })).json().statement;
      const v = await as(t, reception, { method: 'POST', url: `/api/billing/statements/${s.id}/void`, payload: { reason: '宛名の誤り', recipientName: '見本 一郎' } });
      assert.equal(v.statusCode, 201, v.body);
      const n = v.json();
      assert.notEqual(n.number, s.number);
      assert.equal(n.model.replaces, s.number);
      assert.equal(n.model.recipientName, '見本 一郎');
      assert.deepEqual(n.model.lines, s.model.lines);
      const old = (await as(t, reception, { method: 'GET', url: `/api/billing/statements/${s.id}` })).json();
      assert.equal(old.voided.reason, '宛名の誤り');
      assert.equal(old.voided.replacedBy, n.id);
      assert.deepEqual(old.model, s.model);
      assert.equal((await as(t, reception, { method: 'POST', url: `/api/billing/statements/${s.id}/void`, payload: { reason: 'again' } })).statusCode, 409);
      assert.equal((await as(t, reception, { method: 'POST', url: `/api/billing/statements/${s.id}/reissue` })).statusCode, 409);
      const re = await as(t, reception, { method: 'POST', url: `/api/billing/statements/${n.id}/reissue` });
      assert.equal(re.statusCode, 200, re.body);
      assert.ok(re.json().reissuedAt);
    });

    test('a refund is requested with a reason, approved by another administrator, and counted in the closing', async () => {
      const pid = await newPatient();
      const cid = await charge(pid, 'DOC');
      assert.equal((await as(t, reception, { method: 'POST', url: '/api/billing/refunds', payload: { chargeId: cid, method: 'cash', reason: '二重請求' } })).statusCode, 409); // unpaid
      await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [cid], method: 'cash' } });
      const tooMuch = await as(t, reception, { method: 'POST', url: '/api/billing/refunds', payload: { chargeId: cid, amountYen: 9_999, method: 'cash', reason: '二重請求' } });
      assert.equal(tooMuch.statusCode, 400);
      const req = await as(t, admin, { method: 'POST', url: '/api/billing/refunds', payload: { chargeId: cid, amountYen: 2_200, method: 'cash', reason: '書類の一部取消' } });
      assert.equal(req.statusCode, 201, req.body);
      const id = req.json().id;
      assert.equal((await as(t, reception, { method: 'POST', url: `/api/billing/refunds/${id}/decision`, payload: { decision: 'approved' } })).statusCode, 403);
      assert.equal((await as(t, admin, { method: 'POST', url: `/api/billing/refunds/${id}/decision`, payload: { decision: 'approved' } })).statusCode, 403); // own request
      const closingBefore = (await as(t, reception, { method: 'GET', url: '/api/billing/closing?date=2026-12-01' })).json();
      const ok = await as(t, admin2, { method: 'POST', url: `/api/billing/refunds/${id}/decision`, payload: { decision: 'approved' } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((await as(t, admin2, { method: 'POST', url: `/api/billing/refunds/${id}/decision`, payload: { decision: 'rejected' } })).statusCode, 409);
      const acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.equal(acct.balance.balanceYen, 0);
      const note = acct.statements.find((s: { kind: string }) => s.kind === 'refund');
      assert.deepEqual(note.model.rates, [{ taxCategory: 'taxable_10', ratePercent: 10, totalYen: -2_200, taxYen: -200 }]);
      const closing = (await as(t, reception, { method: 'GET', url: '/api/billing/closing?date=2026-12-01' })).json();
      const cash = (c: { methods: { method: string; refundedYen: number }[] }) => c.methods.find((m) => m.method === 'cash')!.refundedYen;
      assert.equal(cash(closing) - cash(closingBefore), 2_200);
      assert.equal(closing.owedAtCloseYen, closingBefore.owedAtCloseYen);
      const csv = await as(t, reception, { method: 'GET', url: '/api/billing/closing.csv?from=2026-12-01&to=2026-12-01' });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /^\uFEFFdate,row,method,paid_yen,refunded_yen,net_yen,count\r\n2026-12-01,payment,cash,/);
    });

    test('a statement link opens that one statement on the patient’s phone, and nothing else', async () => {
      const pid = await newPatient();
      const [c1, c2] = [await charge(pid, 'DOC'), await charge(pid, 'SCR')];
      const s1 = (await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [c1], method: 'cash' } })).json().statement;
      await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [c2], method: 'cash' } });
      const link = await as(t, reception, { method: 'POST', url: `/api/billing/statements/${s1.id}/patient-link` });
      assert.equal(link.statusCode, 201, link.body);
      assert.equal((await as(t, researcher, { method: 'POST', url: `/api/billing/statements/${s1.id}/patient-link` })).statusCode, 403);
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token: link.json().url.split('/p/l/')[1] } });
      assert.equal(ex.statusCode, 200, ex.body);
      const cookie = `${PATIENT_COOKIE}=${ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value}`;
      const mine = await t.app.inject({ method: 'GET', url: '/api/p/statement', headers: { cookie } });
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().number, s1.number);
      assert.equal(mine.json().model.issuer.registrationNumber, 'T7000012050002');
      // The patient session reaches no staff route and no other statement.
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/billing/patients/${pid}`, headers: { cookie } })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/billing/statements/${s1.id}`, headers: { cookie } })).statusCode, 401);
      const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_role']).where('patient_id', '=', pid).where('action', '=', 'billing.statement.patient_read').execute();
      assert.deepEqual(audit, [{ action: 'billing.statement.patient_read', actor_role: 'patient' }]);
    });
  });
}
