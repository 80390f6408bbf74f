import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM, type ConsentRecord } from '@mimamori/core/programs/index';
import { consentCopyHtml, type ConsentCopy } from './consent-copy-html.ts';

const record: ConsentRecord = {
  id: 'c1',
  enrolmentId: 'e1',
  role: 'guardian',
  signer: { kind: 'guardian', name: '山田 <花子>', relation: 'mother' },
  signature: { method: 'typed', typedName: '山田 花子' },
  // 23:30 UTC is 08:30 the next day in Tokyo.
  signedAt: '2026-12-01T23:30:00Z',
  document: { id: 'exosome-guardian', version: '1', language: 'ja', contentHash: 'a'.repeat(64) },
  questions: [{ question: '副作用は？', answer: '発熱 & 頭痛があり得ます' }],
  identity: { confirmedBy: 's1', method: 'health_insurance_card', at: '2026-12-01T23:20:00Z' },
  scopes: [],
};
const copy: ConsentCopy = { record, program: EXOSOME_PROGRAM, title: '代諾者の同意書', text: '本文 <script>x</script>', signaturePng: null, zone: 'Asia/Tokyo' };

test('the consent copy shows the record at clinic time, the exact text and the typed signature', () => {
  const html = consentCopyHtml(copy, 'ja');
  assert.match(html, /<html lang="ja">/);
  assert.match(html, /同意書の控え/);
  assert.match(html, /2026-12-02 08:30 \(Asia\/Tokyo\)/);
  assert.match(html, /2026-12-02 08:20/);
  assert.match(html, /代諾者の同意/);
  assert.match(html, />山田 花子<\/p> （入力による署名）/);
  assert.match(html, /a{64}/);
});

test('everything from the record is escaped', () => {
  const html = consentCopyHtml(copy, 'en');
  assert.match(html, /Copy of the consent/);
  assert.ok(!html.includes('<script>'), 'document text escaped');
  assert.match(html, /本文 &#60;script&#62;x&#60;\/script&#62;/);
  assert.match(html, /山田 &#60;花子&#62;/);
  assert.match(html, /発熱 &#38; 頭痛/);
});

test('a drawn signature is embedded only as a PNG data URL', () => {
  const drawn = { ...copy, record: { ...record, signature: { method: 'drawn', imageRef: 'x', imageHash: 'b'.repeat(64) } as const } };
  assert.match(consentCopyHtml({ ...drawn, signaturePng: 'data:image/png;base64,AAAA' }, 'en'), /<img alt="" src="data:image\/png;base64,AAAA"/);
  const other = consentCopyHtml({ ...drawn, signaturePng: 'javascript:alert(1)' }, 'en');
  assert.ok(!other.includes('javascript:'));
});
