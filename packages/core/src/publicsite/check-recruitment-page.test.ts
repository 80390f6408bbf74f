import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../errors/domain-error.ts';
import { assertRecruitmentPublishable, checkRecruitmentPage } from './check-recruitment-page.ts';
import { demoRecruitmentContent } from './demo-public-site.ts';
import { emptyRecruitmentContent, type RecruitmentContent, type RecruitmentTextField } from './recruitment-page.ts';

const b = (ja: string, en: string) => ({ ja, en });

/** A page that states every item, for an unapproved product, with no forbidden wording. */
const completeUnapprovedPage: RecruitmentContent = {
  title: b('臨床データ収集にご協力いただける方の募集', 'Participants wanted for clinical data collection'),
  summary: b('診断名は問いません。18歳以上の方が対象です。', 'Any diagnosis. Adults aged 18 and over.'),
  treatment: b('4週間に4回、外来で点滴を行い、質問票にお答えいただきます。', 'Four outpatient infusions over four weeks, with questionnaires.'),
  totalCostYen: 330000,
  costIncludes: b('点滴4回・診察・血液検査を含みます（税込）。', 'Includes four infusions, visits and blood tests (tax included).'),
  risks: b('注射部位の痛み、発熱、頭痛、アレルギー反応が起こることがあります。', 'Pain at the injection site, fever, headache and allergic reactions may occur.'),
  contact: b('電話 03-0000-0000（診療時間内）', 'Phone 03-0000-0000 (during opening hours)'),
  unapproved: true,
  unapprovedStatement: b('本治療に用いる製剤は国内で未承認です。', 'The product used is not approved in Japan.'),
  procurement: b('国内の製造業者から医師の責任で購入しています。', 'Bought from a Japanese manufacturer on the doctor’s responsibility.'),
  alternatives: b('うつ病には国内で承認された薬剤があります。', 'Approved medicines for depression exist in Japan.'),
  foreignSafety: b('海外でも承認した国はなく、重大な副作用の報告は限られています。', 'No country has approved it; reports of serious harm are limited.'),
  reliefSystem: b('万一重い副作用が起きても、医薬品副作用被害救済制度の対象になりません。', 'Japan’s relief system for adverse drug reactions does not cover it.'),
  body: b('', ''),
};

test('the demo page is publishable with no warnings', () => {
  const c = checkRecruitmentPage(demoRecruitmentContent);
  assert.deepEqual([c.missing, c.warnings], [[], []]);
});

test('a complete page is publishable with no warnings', () => {
  const c = checkRecruitmentPage(completeUnapprovedPage);
  assert.deepEqual(c.missing, []);
  assert.deepEqual(c.warnings, []);
  assert.equal(c.publishable, true);
  assert.doesNotThrow(() => assertRecruitmentPublishable(completeUnapprovedPage));
});

const required: ReadonlyArray<readonly [RecruitmentTextField, string]> = [
  ['title', 'limited_release'], ['treatment', 'limited_release'], ['costIncludes', 'limited_release'], ['risks', 'limited_release'], ['contact', 'limited_release'],
  ['unapprovedStatement', 'unapproved_items'], ['procurement', 'unapproved_items'], ['alternatives', 'unapproved_items'], ['foreignSafety', 'unapproved_items'],
  ['reliefSystem', 'relief_system'],
];

for (const [field, rule] of required) {
  for (const lang of ['ja', 'en'] as const) {
    test(`missing ${field} (${lang}) → refused with the rule ${rule}`, () => {
      const page = { ...completeUnapprovedPage, [field]: { ...completeUnapprovedPage[field], [lang]: '  ' } };
      const c = checkRecruitmentPage(page);
      assert.equal(c.publishable, false);
      assert.deepEqual(c.missing, [{ field, lang, rule }]);
      assert.throws(() => assertRecruitmentPublishable(page), (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.equal(e.code, 'validation');
        assert.equal(e.key, 'recruitment.not_publishable');
        assert.deepEqual(e.issues.map((i) => [i.path, i.key]), [[`${field}.${lang}`, `recruitment.missing.${rule}`]]);
        return true;
      });
    });
  }
}

test('missing total cost → refused; zero is a stated cost', () => {
  assert.deepEqual(checkRecruitmentPage({ ...completeUnapprovedPage, totalCostYen: null }).missing, [{ field: 'totalCostYen', lang: null, rule: 'limited_release' }]);
  assert.equal(checkRecruitmentPage({ ...completeUnapprovedPage, totalCostYen: 12.5 }).publishable, false);
  assert.equal(checkRecruitmentPage({ ...completeUnapprovedPage, totalCostYen: 0 }).publishable, true);
});

test('the relief-system statement must name the system; the unapproved statement must say 未承認', () => {
  const r = checkRecruitmentPage({ ...completeUnapprovedPage, reliefSystem: b('公的な補償はありません。', 'Not covered.') });
  assert.deepEqual(r.missing, [{ field: 'reliefSystem', lang: 'ja', rule: 'relief_system' }]);
  const u = checkRecruitmentPage({ ...completeUnapprovedPage, unapprovedStatement: b('新しい製剤です。', 'A new product.') });
  assert.deepEqual(u.missing, [{ field: 'unapprovedStatement', lang: 'ja', rule: 'unapproved_items' }]);
});

test('an approved product need not state the unapproved items', () => {
  const page = { ...completeUnapprovedPage, unapproved: false, unapprovedStatement: b('', ''), procurement: b('', ''), alternatives: b('', ''), foreignSafety: b('', ''), reliefSystem: b('', '') };
  assert.equal(checkRecruitmentPage(page).publishable, true);
});

test('an empty page lists every base item in both languages', () => {
  const c = checkRecruitmentPage(emptyRecruitmentContent());
  assert.equal(c.missing.length, 5 * 2 + 1);
});

const forbidden: ReadonlyArray<readonly [RecruitmentTextField, 'ja' | 'en', string, string, string]> = [
  ['body', 'ja', '患者様の声：「とても楽になりました」', '患者様の声', 'testimonial'],
  ['body', 'ja', '参加者の体験談を掲載しています。', '体験談', 'testimonial'],
  ['body', 'en', 'Read patient stories below.', 'patient stories', 'testimonial'],
  ['body', 'ja', '治療のビフォーアフターをご覧ください。', 'ビフォーアフター', 'before_after'],
  ['body', 'en', 'See our before and after results.', 'before and after', 'before_after'],
  ['treatment', 'ja', '必ず改善します。', '必ず', 'exaggeration'],
  ['treatment', 'ja', '薬に頼らない根本的な治療です。', '根本的な治療', 'exaggeration'],
  ['risks', 'ja', '体内由来の成分なので副作用がない治療です。', '副作用がない', 'exaggeration'],
  ['risks', 'en', 'There are no side effects.', 'no side effects', 'exaggeration'],
  ['treatment', 'en', 'It cures depression.', 'cures', 'exaggeration'],
  ['summary', 'ja', '最新の再生医療です。', '最新', 'superlative'],
  ['title', 'ja', 'モニター割引で半額！', 'モニター割引', 'price_led'],
  ['title', 'en', 'Monitor discount: 50% off', 'discount', 'price_led'],
];

for (const [field, lang, text, phrase, rule] of forbidden) {
  test(`「${phrase}」 in ${field} (${lang}) → warned under ${rule}`, () => {
    const page = { ...completeUnapprovedPage, [field]: { ...completeUnapprovedPage[field], [lang]: text } };
    const c = checkRecruitmentPage(page);
    assert.ok(c.warnings.some((w) => w.field === field && w.lang === lang && w.phrase === phrase && w.rule === rule), JSON.stringify(c.warnings));
    assert.equal(c.publishable, true, 'a warning does not block publishing');
  });
}

test('honest negations and ordinary words are not warned', () => {
  const page = {
    ...completeUnapprovedPage,
    risks: b('副作用がないわけではありません。発熱などが起こることがあります。', 'Side effects can occur.'),
    procurement: b('国内の製造業者から購入しています。', 'Procured from a manufacturer; the supply is secure.'),
  };
  assert.deepEqual(checkRecruitmentPage(page).warnings, []);
});

test('price words in the cost fields are not warned (the cost must be stated there)', () => {
  const page = { ...completeUnapprovedPage, costIncludes: b('初回の説明は無料です。', 'The first explanation is free of charge.') };
  assert.deepEqual(checkRecruitmentPage(page).warnings, []);
});
