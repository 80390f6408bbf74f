import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatementModel } from '@mimamori/core/billing/index';
import { listCharges, listPayments, listRefunds, listStatements, seedDemo } from '../src/index.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

const NOW = new Date('2026-12-07T01:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`demo billing data (${dialect})`, () => {
    let t: TestDb;
    let clinicId: string;
    before(async () => {
      t = await createTestDb(dialect);
      await t.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: '2026-12-07', secrets: t.secrets }));
      clinicId = (await t.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow()).id;
    });
    after(() => t.destroy());

    test('statements numbered 1…n without gaps, one void with its replacement, one reissued, a refund note; every balance adds up', async () => {
      const statements = await listStatements(t.db, { clinicId });
      assert.deepEqual(statements.map((s) => Number(s.seq)).sort((a, b) => a - b), statements.map((_, i) => i + 1));
      const voided = statements.filter((s) => s.voided_at);
      assert.equal(voided.length, 1);
      const replacement = statements.find((s) => s.id === voided[0]!.replaced_by)!;
      assert.equal((JSON.parse(replacement.model_json) as StatementModel).replaces, voided[0]!.number);
      assert.equal(statements.filter((s) => s.reissued_at).length, 1);
      const note = statements.find((s) => s.kind === 'refund')!;
      assert.deepEqual((JSON.parse(note.model_json) as StatementModel).rates, [{ taxCategory: 'taxable_10', ratePercent: 10, totalYen: -1_100, taxYen: -100 }]);
      const charged = (await listCharges(t.db, { clinicId })).reduce((s, c) => s + c.amount_yen, 0);
      const paid = (await listPayments(t.db, { clinicId })).reduce((s, p) => s + p.amount_yen, 0);
      const refunded = (await listRefunds(t.db, { clinicId })).filter((r) => r.decision === 'approved').reduce((s, r) => s + r.amount_yen, 0);
      assert.equal(charged - paid + refunded, 5_500 + 11_000); // the open screening and English certificate
      // Each issued document has its charge from the price list (source: the document).
      const docs = await t.db.selectFrom('documents_issued').selectAll().where('clinic_id', '=', clinicId).execute();
      assert.deepEqual(docs.map((d) => d.kind).sort(), ['medical_certificate', 'medical_certificate_en']);
      const charges = await listCharges(t.db, { clinicId });
      for (const d of docs) assert.equal(charges.filter((c) => c.source_type === 'document' && c.source_id === d.id).length, 1, d.kind);
    });
  });
}
