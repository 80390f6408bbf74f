import type { FormulaVariable, ParsedFormula } from './formula.ts';
import { statsError } from './stats-error.ts';

/** Data as columns; `null` (or NaN) is missing. Text values make a column categorical. */
export type DataColumns = Readonly<Record<string, ReadonlyArray<number | string | null>>>;

/** Level orders that replace the default (sorted) order; the first level is the reference. */
export type LevelOverrides = Readonly<Record<string, ReadonlyArray<string>>>;

export interface ModelFrame {
  /** Response over the rows used. */
  readonly y: Float64Array;
  /** Fixed-effects design, row-major n × p. */
  readonly X: Float64Array;
  readonly n: number;
  readonly p: number;
  /** Coefficient names, as R names them. */
  readonly columnNames: ReadonlyArray<string>;
  /** Indices of the original data rows used (complete cases). */
  readonly rows: ReadonlyArray<number>;
  /** Levels of every categorical variable used, in coding order (reference first). */
  readonly levels: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Columns used as numeric covariates. */
  readonly numericColumns: ReadonlyArray<string>;
  /** The design row for given covariate values (e.g. a reference grid for contrasts). */
  readonly designRow: (values: Readonly<Record<string, number | string>>) => Float64Array;
}

const collator = new Intl.Collator('en');

function isMissing(v: number | string | null | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === 'NA' || v === '';
}

/** Sorted distinct values as R's `factor()` orders them (numbers numerically, text by collation). */
export function sortedLevels(values: ReadonlyArray<number | string | null>): string[] {
  const present = values.filter((v) => !isMissing(v));
  if (present.every((v) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))))) {
    const nums = [...new Set(present.map((v) => Number(v)))].sort((a, b) => a - b);
    return nums.map(String);
  }
  return [...new Set(present.map(String))].sort(collator.compare);
}

/**
 * Level order for a column: overrides first (in the given order), then the rest sorted.
 * @example levelsOf({ column: 'arm', values: ['b', 'a', 'c'], overrides: { arm: ['c'] } }) // ['c', 'a', 'b']
 */
export function levelsOf(input: { readonly column: string; readonly values: ReadonlyArray<number | string | null>; readonly overrides?: LevelOverrides }): string[] {
  const { column, values } = input;
  const sorted = sortedLevels(values);
  const given = (input.overrides ?? {})[column];
  if (!given) return sorted;
  for (const g of given) if (!sorted.includes(g)) throw statsError(`level "${g}" given for "${column}" does not occur in the data (levels: ${sorted.join(', ')})`, { column });
  return [...given, ...sorted.filter((l) => !given.includes(l))];
}

function column(data: DataColumns, name: string): ReadonlyArray<number | string | null> {
  const c = data[name];
  if (!c) throw statsError(`unknown column "${name}" (columns: ${Object.keys(data).join(', ')})`, { column: name });
  return c;
}

/** True when the variable is categorical: `factor(x)`, or a column of text. */
export function isCategorical(v: FormulaVariable, data: DataColumns): boolean {
  if (v.forceFactor) return true;
  const c = column(data, v.column);
  let text = -1;
  let num = -1;
  c.forEach((x, i) => {
    if (isMissing(x)) return;
    if (typeof x === 'number' || Number.isFinite(Number(x))) { if (num < 0) num = i; } else if (text < 0) text = i;
  });
  if (text >= 0 && num >= 0) {
    throw statsError(`column "${v.column}" mixes numbers and text (e.g. "${c[text]}" on data row ${text + 1}); wrap it in factor() to treat it as categorical, or fix the value`, { column: v.column });
  }
  return text >= 0;
}

/** Numeric value of a cell of a numeric variable. */
export function numericValue(x: number | string | null): number {
  return typeof x === 'number' ? x : Number(x);
}

type Getter = (column: string) => number | string | null;

interface CodedVariable {
  readonly names: ReadonlyArray<string>;
  readonly values: (get: Getter) => ReadonlyArray<number>;
}

/**
 * Builds the response and fixed-effects design matrix over complete cases (rows with every used
 * variable present; `extraColumns` such as grouping variables also count), with R's treatment
 * coding: a factor in a term is coded by contrasts (reference = first level) when the term
 * without it is in the model (the intercept counting as the empty term), otherwise by indicators.
 * @example buildModelFrame({ formula: parseFormula('y ~ g'), data: { y: [1, 2, 3], g: ['a', 'b', 'a'] } }).columnNames // ['(Intercept)', 'gb']
 */
export function buildModelFrame(input: {
  readonly formula: ParsedFormula;
  readonly data: DataColumns;
  readonly levels?: LevelOverrides;
  readonly extraColumns?: ReadonlyArray<string>;
}): ModelFrame {
  const { formula: f, data } = input;
  const yCol = column(data, f.response);
  const vars = new Map<string, FormulaVariable>();
  for (const t of f.terms) for (const v of t.variables) vars.set(v.label, v);
  for (const r of f.random) for (const v of r.slopes) vars.set(v.label, v);
  const used = new Set<string>([f.response, ...[...vars.values()].map((v) => v.column), ...(input.extraColumns ?? [])]);
  for (const c of used) column(data, c);
  const nAll = yCol.length;
  for (const c of used) if (data[c].length !== nAll) throw statsError('all columns must have the same length');
  const rows: number[] = [];
  const usedCols = [...used].map((c) => data[c]);
  for (let i = 0; i < nAll; i++) if (usedCols.every((c) => !isMissing(c[i]))) rows.push(i);
  if (rows.length === 0) throw statsError('no complete rows: every row misses a value of a variable in the formula');

  const yv = new Float64Array(rows.length);
  rows.forEach((r, k) => {
    const v = numericValue(yCol[r]);
    if (!Number.isFinite(v)) throw statsError(`the response "${f.response}" has a non-numeric value "${yCol[r]}" on data row ${r + 1}`, { column: f.response });
    yv[k] = v;
  });

  const levels: Record<string, string[]> = {};
  const categorical = new Map<string, boolean>();
  for (const v of vars.values()) {
    const cat = isCategorical(v, data);
    categorical.set(v.label, cat);
    if (cat) {
      const usedVals = rows.map((r) => data[v.column][r]);
      const lv = levelsOf({ column: v.column, values: usedVals, overrides: input.levels });
      levels[v.column] = lv;
    } else {
      rows.forEach((r) => {
        if (!Number.isFinite(numericValue(data[v.column][r]))) throw statsError(`column "${v.column}" has a non-numeric value "${data[v.column][r]}" on data row ${r + 1}`, { column: v.column });
      });
    }
  }

  const termKeys = new Set(f.terms.map((t) => t.variables.map((v) => v.label).sort().join('\u0000')));
  if (f.intercept) termKeys.add('');
  const coded = (v: FormulaVariable, contrast: boolean): CodedVariable => {
    if (!categorical.get(v.label)) {
      return { names: [v.label], values: (get) => [numericValue(get(v.column))] };
    }
    const lv = levels[v.column];
    const cols = contrast ? lv.slice(1) : lv;
    return { names: cols.map((l) => `${v.label}${l}`), values: (get) => cols.map((l) => (String(get(v.column)) === l ? 1 : 0)) };
  };

  const names: string[] = [];
  const builders: Array<(get: Getter) => ReadonlyArray<number>> = [];
  if (f.intercept) { names.push('(Intercept)'); builders.push(() => [1]); }
  for (const t of f.terms) {
    const parts = t.variables.map((v) => {
      const rest = t.variables.filter((w) => w !== v).map((w) => w.label).sort().join('\u0000');
      return coded(v, categorical.get(v.label) === true && termKeys.has(rest));
    });
    // Column order as R: the first variable varies fastest.
    let combNames: string[] = [''];
    for (const part of parts) {
      const next: string[] = [];
      for (const pn of part.names) for (const cn of combNames) next.push(cn === '' ? pn : `${cn}:${pn}`);
      combNames = next;
    }
    names.push(...combNames);
    builders.push((get) => {
      let acc: number[] = [1];
      for (const part of parts) {
        const vals = part.values(get);
        const next: number[] = [];
        for (const pv of vals) for (const a of acc) next.push(a * pv);
        acc = next;
      }
      return acc;
    });
  }
  const p = names.length;
  const X = new Float64Array(rows.length * p);
  let cur = 0;
  const getRow: Getter = (c) => data[c][cur];
  rows.forEach((r, k) => {
    let j = 0;
    cur = r;
    for (const b of builders) for (const v of b(getRow)) X[k * p + j++] = v;
  });
  const designRow = (values: Readonly<Record<string, number | string>>) => {
    const out = new Float64Array(p);
    let j = 0;
    const get: Getter = (c) => {
      if (!(c in values)) throw statsError(`no value given for "${c}"`);
      return values[c];
    };
    for (const b of builders) for (const v of b(get)) out[j++] = v;
    return out;
  };
  const numericColumns = [...new Set([...vars.values()].filter((v) => !categorical.get(v.label)).map((v) => v.column))];
  return { y: yv, X, n: rows.length, p, columnNames: names, rows, levels, numericColumns, designRow };
}
