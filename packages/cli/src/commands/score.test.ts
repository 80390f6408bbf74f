import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../main.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    env: {},
    cwd: process.cwd(),
  });
  return { code, out, err };
}

test('score phq9 prints exactly one JSON object with total, band, missing, subscales and flags', async () => {
  const r = await run(['score', 'phq9', '--answers', '2,2,2,2,2,1,1,1,1']);
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  assert.equal(
    r.out,
    '{"scale":"phq9","version":"1.0.0","valid":true,"total":14,"band":"moderate","missing":0,"subscales":{},"flags":["suicidality"]}\n',
  );
});

test('score gad7 with --answers= form and no flags', async () => {
  const r = await run(['score', 'gad7', '--answers=3,3,3,3,3,0,0']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), {
    scale: 'gad7',
    version: '1.0.0',
    valid: true,
    total: 15,
    band: 'severe',
    missing: 0,
    subscales: {},
    flags: [],
  });
});

test('an empty entry is a missing item; too many missing gives valid:false, total:null and a reason', async () => {
  const one = JSON.parse((await run(['score', 'phq9', '--answers', '0,0,0,0,,0,0,0,0'])).out);
  assert.deepEqual([one.valid, one.total, one.band, one.missing, one.prorated], [true, 0, 'minimal', 1, true]);
  const r = await run(['score', 'phq9', '--answers', '3,3,,,3,3,3,3,0']);
  assert.equal(r.code, 0);
  const o = JSON.parse(r.out);
  assert.equal(o.valid, false);
  assert.equal(o.total, null);
  assert.equal(o.band, null);
  assert.equal(o.missing, 2);
  assert.match(o.reason, /2 item\(s\) missing \(q3, q4\)/);
});

test('a missing item 9 cannot be prorated, but a present item 9 still flags when unscorable', async () => {
  const o = JSON.parse((await run(['score', 'phq9', '--answers', '1,1,1,1,1,1,1,1,'])).out);
  assert.equal(o.valid, false);
  assert.match(o.reason, /q9/);
  const f = JSON.parse((await run(['score', 'phq9', '--answers', ',,,,,,,,3'])).out);
  assert.deepEqual([f.valid, f.flags], [false, ['suicidality', 'suicidality_urgent']]);
});

test('out-of-range answers exit non-zero with a clear message and print no JSON', async () => {
  const r = await run(['score', 'phq9', '--answers', '0,0,0,0,0,0,0,0,4']);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /the answer 4 to item q9 is out of range; allowed: 0, 1, 2, 3/);
  const neg = await run(['score', 'gad7', '--answers', '-1,0,0,0,0,0,0']);
  assert.equal(neg.code, 2);
  assert.match(neg.err, /answer -1 to item q1 is out of range/);
});

test('the wrong number of answers exits non-zero with a clear message', async () => {
  const few = await run(['score', 'phq9', '--answers', '1,2,3']);
  assert.equal(few.code, 2);
  assert.match(few.err, /PHQ-9 has 9 items but 3 answers were given/);
  const many = await run(['score', 'gad7', '--answers', '0,0,0,0,0,0,0,0']);
  assert.equal(many.code, 2);
  assert.match(many.err, /GAD-7 has 7 items but 8 answers were given/);
});

test('non-numeric answers, unknown scales and missing --answers are usage errors', async () => {
  const nan = await run(['score', 'phq9', '--answers', '1,x,0,0,0,0,0,0,0']);
  assert.equal(nan.code, 2);
  assert.match(nan.err, /answer 2 \("x"\) is not a number/);
  const unknown = await run(['score', 'phq10', '--answers', '1']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown scale "phq10"; scale ids: phq9, gad7/);
  const none = await run(['score', 'phq9']);
  assert.equal(none.code, 2);
  assert.match(none.err, /--answers is required/);
});

test('score accepts option codes (yes/no) and reports triage bands with total null', async () => {
  const r = await run(['score', 'cssrs_screener', '--answers', 'yes,yes,no,yes,no,no,']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), {
    scale: 'cssrs_screener',
    version: '1.0.0',
    valid: true,
    total: null,
    band: 'high',
    missing: 0,
    subscales: {},
    flags: ['suicide_risk_high', 'suicidality'],
  });
  const skipped = await run(['score', 'cssrs_screener', '--answers', 'yes,no,yes,,,no,']);
  assert.equal(skipped.code, 2);
  assert.match(skipped.err, /item q3 is only asked when item q2 is at least 1/);
});

test('score prints subscale totals and honours --band-set', async () => {
  const sdq = JSON.parse((await run(['score', 'sdq', '--answers', '2,1,1,2,1,1,0,1,2,1,0,1,1,2,1,1,2,1,1,2,2,1,1,1,2'])).out);
  assert.deepEqual(sdq.subscales, { emotional: 5, conduct: 6, hyperactivity: 3, peer: 5, prosocial: 10 });
  assert.deepEqual([sdq.total, sdq.band], [19, 'abnormal']);
  const epds = '1,1,0,1,2,2,2,2,2,3';
  assert.equal(JSON.parse((await run(['score', 'epds', '--answers', epds])).out).band, 'probable_depression');
  assert.equal(JSON.parse((await run(['score', 'epds', '--answers', epds, '--band-set', 'cox1987_uk'])).out).band, 'below_threshold');
  const bad = await run(['score', 'epds', '--answers', epds, '--band-set', 'us']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /EPDS has no band set "us"/);
});

test('score K6 and HAM-D17 from the CLI', async () => {
  const k6 = JSON.parse((await run(['score', 'k6', '--answers', '4,4,4,1,0,0'])).out);
  assert.deepEqual([k6.total, k6.band], [13, 'serious']);
  const hamd = JSON.parse((await run(['score', 'hamd17', '--answers', '2,1,3,1,1,1,2,1,1,2,1,1,1,0,1,1,0'])).out);
  assert.deepEqual([hamd.total, hamd.band, hamd.flags], [20, 'moderate', ['suicidality', 'suicidality_urgent']]);
});

test('score --informant picks the informant’s band set', async () => {
  const list = '2,1,1,2,1,1,0,1,2,1,0,1,1,2,1,1,2,1,1,2,2,1,1,1,2';
  assert.equal(JSON.parse((await run(['score', 'sdq', '--answers', list, '--informant', 'self'])).out).band, 'borderline');
  const bad = await run(['score', 'sdq', '--answers', list, '--informant', 'nurse']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--informant must be self, parent, teacher or clinician/);
});
