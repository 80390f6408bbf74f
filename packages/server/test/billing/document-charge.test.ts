import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const kana = () => Array.from({ length: 6 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');

for (const dialect of testDialects()) {
  describe(`billing: documents issued are charged from the price list (${dialect})`, () => {
    let t: TestApp;
    let reception: Session;
    let admin: Session;
    let researcher: Session;

    async function patient(): Promise<string> {
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}` }), acknowledgeDuplicates: true } });
      return res.json().patient.id as string;
    }
    const count = async (table: 'documents_issued' | 'billing_charges', pid: string) =>
      Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', pid).executeTakeFirstOrThrow()).n);

    before(async () => {
      t = await createTestApp(dialect);
      reception = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
      researcher = await signedIn(t, 'researcher');
      // The fake clock stands at 2026-12-01 10:00 Tokyo. The certificate is priced; the English one is not.
      for (const p of [
        { code: 'DOC-CERT', name: { ja: '診断書', en: 'Medical certificate' }, priceYen: 5_500, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01', event: 'document_medical_certificate' },
        { code: 'DOC-CERT', name: { ja: '診断書', en: 'Medical certificate' }, priceYen: 6_600, taxCategory: 'taxable_10', effectiveFrom: '2026-12-02', event: 'document_medical_certificate' },
      ]) assert.equal((await as(t, admin, { method: 'POST', url: '/api/billing/prices', payload: p })).statusCode, 201);
    });
    after(() => t.destroy());

    test('a document is recorded with its charge at the price of its day; the same form sent again records nothing more', async () => {
      const pid = await patient();
      const id = newId();
      const payload = { id, kind: 'medical_certificate', issuedDate: '2026-12-01', note: '勤務先提出用' };
      const res = await as(t, reception, { method: 'POST', url: `/api/patients/${pid}/documents`, payload });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().charge.amountYen, 5_500);
      const again = await as(t, reception, { method: 'POST', url: `/api/patients/${pid}/documents`, payload });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().charge.id, res.json().charge.id);
      const acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.deepEqual(acct.charges.map((c: { code: string; amountYen: number; source: string; date: string; paymentId: string | null }) => [c.code, c.amountYen, c.source, c.date, c.paymentId]), [['DOC-CERT', 5_500, 'document', '2026-12-01', null]]);
      const list = (await as(t, reception, { method: 'GET', url: `/api/patients/${pid}/documents` })).json();
      assert.deepEqual(list.items.map((d: { kind: string; issuedDate: string; note: string }) => [d.kind, d.issuedDate, d.note]), [['medical_certificate', '2026-12-01', '勤務先提出用']]);
      const audits = await t.db.db.selectFrom('audit_log').select('action').where('patient_id', '=', pid).where('action', 'like', 'billing.%').execute();
      assert.deepEqual([...new Set(audits.map((a) => a.action))].sort(), ['billing.account.read', 'billing.charge', 'billing.document.issue', 'billing.document.read']);
      assert.equal(audits.filter((a) => a.action === 'billing.charge').length, 1);
      // The same id for another patient is refused, and writes nothing for them.
      const other = await patient();
      assert.equal((await as(t, reception, { method: 'POST', url: `/api/patients/${other}/documents`, payload })).statusCode, 409);
      assert.equal(await count('documents_issued', other), 0);
    });

    test('a form sent twice at once records one document and one charge', async () => {
      const pid = await patient();
      const payload = { id: newId(), kind: 'medical_certificate', issuedDate: '2026-12-01' };
      const both = await Promise.all([1, 2].map(() => as(t, reception, { method: 'POST', url: `/api/patients/${pid}/documents`, payload })));
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 201], both.map((r) => r.body).join('\n'));
      assert.equal(await count('documents_issued', pid), 1);
      assert.equal(await count('billing_charges', pid), 1);
    });

    test('without a price in the list, a bad date or kind: a 4xx in Japanese and nothing written', async () => {
      const pid = await patient();
      const noPrice = await as(t, reception, { method: 'POST', url: `/api/patients/${pid}/documents`, payload: { id: newId(), kind: 'medical_certificate_en', issuedDate: '2026-12-01' } });
      assert.equal(noPrice.statusCode, 400, noPrice.body);
      assert.match(noPrice.body, /"message":"料金表に、この種類の文書の料金（12月1日（火）に有効なもの）がありません。.*何も記録していません。"/);
      const future = await as(t, reception, { method: 'POST', url: `/api/patients/${pid}/documents`, payload: { id: newId(), kind: 'medical_certificate', issuedDate: '2026-12-02' } });
      assert.equal(future.statusCode, 400);
      assert.match(future.body, /発行日は今日（12月1日（火））以前にしてください/);
      const kind = await as(t, reception, { method: 'POST', url: `/api/patients/${pid}/documents`, headers: { 'accept-language': 'en' }, payload: { id: newId(), kind: 'passport', issuedDate: '2026-12-01' } });
      assert.equal(kind.statusCode, 400);
      assert.match(kind.body, /Choose the kind of document/);
      assert.equal(await count('documents_issued', pid), 0);
      assert.equal(await count('billing_charges', pid), 0);
    });

    test('researchers can neither record nor list documents', async () => {
      const pid = await patient();
      assert.equal((await as(t, researcher, { method: 'POST', url: `/api/patients/${pid}/documents`, payload: { id: newId(), kind: 'medical_certificate', issuedDate: '2026-12-01' } })).statusCode, 403);
      assert.equal((await as(t, researcher, { method: 'GET', url: `/api/patients/${pid}/documents` })).statusCode, 403);
      assert.equal(await count('documents_issued', pid), 0);
    });
  });
}
