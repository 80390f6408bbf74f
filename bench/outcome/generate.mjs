// Writes a synthetic data cut (seeded; N participants × 8 post-baseline visits, dropouts, adverse
// events, labs) for timing `mimamori report`:
//   node bench/outcome/generate.mjs DIR [N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, nArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: generate.mjs DIR [N]');
const N = Number(nArg ?? 10000);
let seed = 20261207;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
const visits = ['w1', 'w2', 'w4', 'w6', 'w8', 'w12', 'w16', 'w24'];
const vday = [7, 14, 28, 42, 56, 84, 112, 168];
const P = ['study_id,status,dosed,completed,reason,age_band,sex,doses'];
const O = ['study_id,visit,day,nominal_day,in_window,scale,informant,total'];
const A = ['study_id,day,term,grade,serious,related'];
const E = ['study_id,day,kind,dose_number'];
const L = ['study_id,analyte,sample_type,value,unit,day,visit,time'];
const clamp = (x) => Math.max(0, Math.min(27, Math.round(x)));
for (let i = 0; i < N; i++) {
  const id = `P${String(i).padStart(6, '0')}`;
  const last = rand() < 0.75 ? 8 : 1 + Math.floor(rand() * 7);
  const done = last === 8;
  P.push(`${id},${done ? 'completed' : 'withdrawn'},1,${done ? 1 : 0},${done ? '' : 'lost_contact'},${['20-29', '30-39', '40-49', '50-59'][i % 4]},${i % 3 ? 'female' : 'male'},${Math.min(5, last)}`);
  const screen = clamp(16 + 4 * normal());
  const base = clamp(screen - 1.5 + 2 * normal());
  O.push(`${id},screening,-14,-14,1,phq9,self,${screen}`, `${id},baseline,0,0,1,phq9,self,${base}`);
  const u = 2 * normal();
  for (let v = 0; v < 8; v++) {
    if (v < last) O.push(`${id},${visits[v]},${vday[v]},${vday[v]},1,phq9,self,${clamp(base - 1 - v + u + 2.5 * normal())}`);
    else O.push(`${id},${visits[v]},,${vday[v]},,phq9,self,`);
  }
  for (let k = 0; k < Math.min(5, last); k++) E.push(`${id},${k * 14},infusion,${k + 1}`);
  if (rand() < 0.15) A.push(`${id},${1 + Math.floor(rand() * 50)},headache,1,0,possible`);
  L.push(`${id},bdnf,serum,${(20 + 4 * normal()).toFixed(2)},ng/mL,0,baseline,10:30`);
  if (done) L.push(`${id},bdnf,serum,${(22 + 4 * normal()).toFixed(2)},ng/mL,56,w8,10:30`);
}
mkdirSync(dir, { recursive: true });
const w = (f, rows) => writeFileSync(join(dir, f), `${rows.join('\n')}\n`);
w('participants.csv', P); w('outcomes.csv', O); w('adverse_events.csv', A); w('exposures.csv', E); w('labs.csv', L);
w('medications.csv', ['study_id,generic_name,dose_per_day,unit,start_day,stop_day,changed_during_program']);
w('codebook.csv', ['file,column,type,description']);
writeFileSync(join(dir, 'plan.json'), JSON.stringify({ version: 1, lockedAt: '2026-01-01T00:00:00Z', primary: { scale: 'phq9', visit: 'w8' }, visits, sensitivity: ['completers', 'paired', 'locf'], biomarkers: [{ id: 'bdnf_up', analyte: 'bdnf', sampleType: 'serum', direction: 'increase', visit: 'w8' }] }, null, 2));
writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ files: {}, program: { id: 'bench', version: 1 }, scales: { phq9: '1.0.0' }, cutAt: '2026-06-01T00:00:00Z', excludedNoDataUse: 0 }, null, 2));
