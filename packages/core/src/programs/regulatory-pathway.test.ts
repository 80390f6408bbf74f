import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { EXOSOME_PROGRAM_INPUT } from './example-programs.ts';
import { defineProgram } from './program-definition.ts';
import { missingGovernance, pathwayRequirements, type ProgramGovernance } from './regulatory-pathway.ts';
import { sha256Hex } from './sha256.ts';

const docs = [{ id: 'consent', version: '2' }, { id: 'consent', version: '2' }, { id: 'assent', version: '1' }];
const full: ProgramGovernance = {
  reviewBoard: { name: '○○大学認定臨床研究審査委員会', type: 'certified_review_board' },
  approval: { number: 'CRB-2026-001', date: '2026-03-01' },
  registryId: 'jRCTs031180032',
  protocol: { version: '1.2', sha256: sha256Hex('protocol') },
  sap: { version: '1.0', sha256: sha256Hex('sap') },
  approvedConsentDocuments: ['consent@2', 'assent@1'],
};
const items = (m: ReadonlyArray<{ item: string; document?: string }>) => m.map((x) => (x.document ? `${x.item}:${x.document}` : x.item));

test('each pathway names what it needs', () => {
  assert.deepEqual(pathwayRequirements('specified_clinical_research'), { boardType: 'certified_review_board', registry: 'jrct', sap: true });
  assert.deepEqual(pathwayRequirements('guideline_research'), { boardType: 'any', registry: 'jrct_or_umin', sap: true });
  assert.deepEqual(pathwayRequirements('self_pay_with_data_consent'), { boardType: 'any', registry: 'none', sap: false });
});

test('missingGovernance lists every missing item, and nothing when complete', () => {
  assert.deepEqual(items(missingGovernance({ pathway: undefined, governance: full, consentDocuments: docs })), ['pathway']);
  assert.deepEqual(items(missingGovernance({ pathway: 'specified_clinical_research', governance: full, consentDocuments: docs })), []);
  assert.deepEqual(items(missingGovernance({ pathway: 'specified_clinical_research', governance: undefined, consentDocuments: docs })), [
    'review_board', 'approval', 'registry', 'protocol', 'sap', 'approved_consent_documents:consent@2', 'approved_consent_documents:assent@1',
  ]);
  // 特定臨床研究: a CRB and a jRCT id; an ethics committee and a UMIN id are not enough.
  const ec = { ...full, reviewBoard: { name: '院内倫理審査委員会', type: 'ethics_committee' as const }, registryId: 'UMIN000012345' };
  assert.deepEqual(items(missingGovernance({ pathway: 'specified_clinical_research', governance: ec, consentDocuments: docs })), ['certified_review_board', 'jrct_registry']);
  assert.deepEqual(items(missingGovernance({ pathway: 'guideline_research', governance: ec, consentDocuments: docs })), []);
  // Self-pay treatment with data consent: no registry or SAP asked for.
  const selfPay = { reviewBoard: ec.reviewBoard, approval: full.approval, protocol: full.protocol, approvedConsentDocuments: ['consent@2', 'assent@1'] };
  assert.deepEqual(items(missingGovernance({ pathway: 'self_pay_with_data_consent', governance: selfPay, consentDocuments: docs })), []);
  // A new document version needs its own approval; a locked analysis plan stands in for the SAP.
  const { sap: _sap, ...noSap } = full;
  void _sap;
  assert.deepEqual(
    items(missingGovernance({ pathway: 'guideline_research', governance: noSap, consentDocuments: [...docs, { id: 'consent', version: '3' }], lockedPlan: { version: '1', sha256: sha256Hex('plan') } })),
    ['approved_consent_documents:consent@3'],
  );
});

test('a program needs a pathway, and its governance fields must be well formed', () => {
  const { pathway: _p, ...noPathway } = EXOSOME_PROGRAM_INPUT;
  void _p;
  const paths = (input: object) => {
    try {
      defineProgram(input);
    } catch (e) {
      assert.ok(e instanceof DomainError);
      return e.issues.map((i) => `${i.path}:${i.key}`);
    }
    return [];
  };
  assert.deepEqual(paths(noPathway), ['pathway:programs.field.required']);
  assert.deepEqual(paths({ ...EXOSOME_PROGRAM_INPUT, pathway: 'clinical_trial' }).map((p) => p.split(':')[0]), ['pathway']);
  assert.deepEqual(
    paths({
      ...EXOSOME_PROGRAM_INPUT,
      governance: {
        reviewBoard: { name: 'X', type: 'irb' },
        approval: { number: 'A-1', date: '2026-02-30' },
        registryId: 'JRCT123',
        protocol: { version: '1', sha256: 'abc' },
        approvedConsentDocuments: ['no version'],
      },
    }),
    [
      'governance.reviewBoard.type:programs.field.not_allowed',
      'governance.approval.date:programs.field.invalid_date',
      'governance.registryId:programs.registry_id_invalid',
      'governance.protocol.sha256:programs.hash_invalid',
      'governance.approvedConsentDocuments[0]:programs.governance_document_invalid',
    ],
  );
  const ok = defineProgram({ ...EXOSOME_PROGRAM_INPUT, governance: full });
  assert.deepEqual(ok.governance, full);
  assert.equal(ok.pathway, 'specified_clinical_research');
  assert.ok(ok.consentDocuments.every((d) => d.sample === true));
});
