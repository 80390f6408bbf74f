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

/** The value of a column in row k of the rows being coded. */
type Getter = (column: string, k: number) => number | string | null;

interface CodedVariable {
  readonly names: ReadonlyArray<string>;
  /** One column of coded values per name, over `count` rows. */
  readonly columns: (get: Getter, count: number) => Float64Array[];
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
  for (let i = 0; i < nAll; i++) {
    let complete = true;
    for (const c of usedCols) if (isMissing(c[i])) { complete = false; break; }
    if (complete) rows.push(i);
  }
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
      return {
        names: [v.label],
        columns: (get, count) => {
          const col = new Float64Array(count);
          for (let k = 0; k < count; k++) col[k] = numericValue(get(v.column, k));
          return [col];
        },
      };
    }
    const lv = levels[v.column];
    const coded = contrast ? lv.slice(1) : lv;
    const position = new Map(coded.map((l, j) => [l, j]));
    return {
      names: coded.map((l) => `${v.label}${l}`),
      columns: (get, count) => {
        const cols = coded.map(() => new Float64Array(count));
        for (let k = 0; k < count; k++) {
          const j = position.get(String(get(v.column, k)));
          if (j !== undefined) cols[j][k] = 1;
        }
        return cols;
      },
    };
  };

  const names: string[] = [];
  const terms: Array<(get: Getter, count: number) => Float64Array[]> = [];
  if (f.intercept) { names.push('(Intercept)'); terms.push((_, count) => [new Float64Array(count).fill(1)]); }
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
    terms.push((get, count) => {
      let acc: Float64Array[] = [new Float64Array(count).fill(1)];
      for (const part of parts) {
        const next: Float64Array[] = [];
        for (const pv of part.columns(get, count)) for (const a of acc) next.push(a.map((x, k) => x * pv[k]));
        acc = next;
      }
      return acc;
    });
  }
  const p = names.length;
  /** Row-major count × p design for the rows that `get` reads. */
  const design = (get: Getter, count: number): Float64Array => {
    const out = new Float64Array(count * p);
    let j = 0;
    for (const term of terms) {
      for (const col of term(get, count)) {
        for (let k = 0; k < count; k++) out[k * p + j] = col[k];
        j++;
      }
    }
    return out;
  };
  const X = design((c, k) => data[c][rows[k]], rows.length);
  const designRow = (values: Readonly<Record<string, number | string>>) => design((c) => {
    if (!(c in values)) throw statsError(`no value given for "${c}"`);
    return values[c];
  }, 1);
  const numericColumns = [...new Set([...vars.values()].filter((v) => !categorical.get(v.label)).map((v) => v.column))];
  return { y: yv, X, n: rows.length, p, columnNames: names, rows, levels, numericColumns, designRow };
}
