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

test('scales lists id, name, item count and licence class, one row per built-in scale', async () => {
  const r = await run(['scales']);
  assert.equal(r.code, 0);
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines[0], /^ID\s+NAME\s+ITEMS\s+LICENCE$/);
  const phq9 = lines.find((l) => l.startsWith('phq9 '));
  assert.match(phq9 ?? '', /^phq9\s+Patient Health Questionnaire-9 \(PHQ-9\)\s+9\s+A \(text\)$/);
  const gad7 = lines.find((l) => l.startsWith('gad7 '));
  assert.match(gad7 ?? '', /^gad7\s+Generalized Anxiety Disorder-7 \(GAD-7\)\s+7\s+A \(text\)$/);
});

test('scales --lang ja shows Japanese names', async () => {
  const r = await run(['scales', '--lang', 'ja']);
  assert.equal(r.code, 0);
  assert.match(r.out, /phq9\s+こころとからだの質問票（PHQ-9）\s+9/);
});

test('scales --json prints the definitions with their ids and band ids', async () => {
  const r = await run(['scales', '--json']);
  assert.equal(r.code, 0);
  const defs = JSON.parse(r.out) as Array<{ id: string; version: string; bandSets: Array<{ bands: Array<{ id: string }> }> }>;
  const phq9 = defs.find((d) => d.id === 'phq9');
  assert.deepEqual(phq9?.bandSets[0].bands.map((b) => b.id), ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
  const gad7 = defs.find((d) => d.id === 'gad7');
  assert.deepEqual(gad7?.bandSets[0].bands.map((b) => b.id), ['minimal', 'mild', 'moderate', 'severe']);
  assert.ok(defs.every((d) => typeof d.version === 'string'));
});

test('scales rejects unknown options with exit 2', async () => {
  const r = await run(['scales', '--yaml']);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown option "--yaml"/);
});
