import { statsError } from './stats-error.ts';

/** A variable used in a formula; `factor(x)` marks x as categorical explicitly. */
export interface FormulaVariable {
  /** Column name in the data. */
  readonly column: string;
  /** As written in coefficient names: `x` or `factor(x)`. */
  readonly label: string;
  readonly forceFactor: boolean;
}

/** A fixed-effect term: one variable (main effect) or several (interaction), in R's order. */
export interface FormulaTerm {
  readonly variables: ReadonlyArray<FormulaVariable>;
  /** R's term label, e.g. `a`, `factor(c)`, `a:factor(c)`. */
  readonly label: string;
}

/** A random-effects term `(1 + x | g)`: intercept flag, slope variables, grouping column. */
export interface RandomTerm {
  readonly intercept: boolean;
  readonly slopes: ReadonlyArray<FormulaVariable>;
  readonly group: string;
}

export interface ParsedFormula {
  readonly response: string;
  readonly intercept: boolean;
  /** Terms ordered as R orders them: by number of variables, then by first appearance. */
  readonly terms: ReadonlyArray<FormulaTerm>;
  readonly random: ReadonlyArray<RandomTerm>;
}

type Tok = { readonly kind: 'name' | 'num' | 'op'; readonly text: string; readonly pos: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) { i++; continue; }
    if ('~+*:()|-'.includes(ch)) { out.push({ kind: 'op', text: ch, pos: i }); i++; continue; }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw statsError(`unclosed backtick at position ${i + 1} in formula`);
      out.push({ kind: 'name', text: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    const m = /^[A-Za-z._][A-Za-z0-9._]*|^[0-9]+(\.[0-9]+)?/.exec(src.slice(i));
    if (!m) throw statsError(`unexpected "${ch}" at position ${i + 1} in formula "${src}"`);
    out.push({ kind: /^[0-9]/.test(m[0]) ? 'num' : 'name', text: m[0], pos: i });
    i += m[0].length;
  }
  return out;
}

/** A fixed-part expression: a set of terms (each a list of variables) plus intercept changes. */
interface Expr {
  readonly terms: ReadonlyArray<ReadonlyArray<FormulaVariable>>;
  readonly intercept: 'add' | 'remove' | null;
}

class Parser {
  private i = 0;
  readonly random: RandomTerm[] = [];
  private readonly toks: Tok[];
  private readonly src: string;
  constructor(toks: Tok[], src: string) {
    this.toks = toks;
    this.src = src;
  }

  private peek(): Tok | undefined { return this.toks[this.i]; }
  private fail(msg: string): never {
    const t = this.peek();
    throw statsError(`cannot parse formula "${this.src}": ${msg}${t ? ` at position ${t.pos + 1}` : ' at the end'}`);
  }
  private expect(text: string): void {
    const t = this.peek();
    if (!t || t.text !== text) this.fail(`expected "${text}"`);
    this.i++;
  }
  atEnd(): boolean { return this.i >= this.toks.length; }

  parseFormula(): { response: string; rhs: Expr } {
    const r = this.peek();
    if (!r || r.kind !== 'name') this.fail('expected a response variable before "~"');
    this.i++;
    this.expect('~');
    const rhs = this.sum();
    if (!this.atEnd()) this.fail('unexpected token');
    return { response: r.text, rhs };
  }

  // sum := product (('+' | '-') product)*
  private sum(): Expr {
    let acc: Expr = this.product();
    while (this.peek()?.text === '+' || this.peek()?.text === '-') {
      const op = this.peek()!.text;
      this.i++;
      const rhs = this.product();
      if (op === '-') {
        if (rhs.terms.length === 0 && rhs.intercept === 'add') acc = { terms: acc.terms, intercept: 'remove' };
        else acc = { terms: acc.terms.filter((t) => !rhs.terms.some((u) => sameTerm(t, u))), intercept: acc.intercept };
      } else {
        acc = { terms: [...acc.terms, ...rhs.terms], intercept: rhs.intercept ?? acc.intercept };
      }
    }
    return acc;
  }

  // product := colon ('*' colon)*   (a*b = a + b + a:b)
  private product(): Expr {
    let acc = this.colon();
    while (this.peek()?.text === '*') {
      this.i++;
      const rhs = this.colon();
      acc = { terms: [...acc.terms, ...rhs.terms, ...cross(acc.terms, rhs.terms)], intercept: acc.intercept ?? rhs.intercept };
    }
    return acc;
  }

  // colon := atom (':' atom)*
  private colon(): Expr {
    let acc = this.atom();
    while (this.peek()?.text === ':') {
      this.i++;
      const rhs = this.atom();
      acc = { terms: cross(acc.terms, rhs.terms), intercept: null };
    }
    return acc;
  }

  private atom(): Expr {
    const t = this.peek();
    if (!t) this.fail('expected a term');
    if (t.kind === 'num') {
      this.i++;
      if (t.text === '1') return { terms: [], intercept: 'add' };
      if (t.text === '0') return { terms: [], intercept: 'remove' };
      this.fail(`unexpected number ${t.text}`);
    }
    if (t.text === '(') {
      this.i++;
      const start = this.i;
      // A random-effects term contains '|' at this nesting level.
      let depth = 0;
      let bar = -1;
      for (let j = this.i; j < this.toks.length; j++) {
        const x = this.toks[j].text;
        if (x === '(') depth++;
        else if (x === ')') { if (depth === 0) break; depth--; }
        else if (x === '|' && depth === 0) { bar = j; break; }
      }
      if (bar >= 0) {
        const inner = this.sum();
        this.expect('|');
        const g = this.peek();
        if (!g || g.kind !== 'name') this.fail('expected a grouping variable after "|"');
        this.i++;
        this.expect(')');
        if (inner.terms.some((v) => v.length !== 1 || v[0].forceFactor)) {
          this.fail('random-effect terms may only be numeric variables, e.g. (1 + time | id)');
        }
        this.random.push({ intercept: inner.intercept !== 'remove', slopes: inner.terms.map((v) => v[0]), group: g.text });
        void start;
        return { terms: [], intercept: null };
      }
      const e = this.sum();
      this.expect(')');
      return e;
    }
    if (t.kind === 'name') {
      this.i++;
      if (t.text === 'factor' && this.peek()?.text === '(') {
        this.i++;
        const v = this.peek();
        if (!v || v.kind !== 'name') this.fail('expected a column name inside factor()');
        this.i++;
        this.expect(')');
        return { terms: [[{ column: v.text, label: `factor(${v.text})`, forceFactor: true }]], intercept: null };
      }
      if (this.peek()?.text === '(') this.fail(`unsupported function ${t.text}()`);
      return { terms: [[{ column: t.text, label: t.text, forceFactor: false }]], intercept: null };
    }
    this.fail(`unexpected "${t.text}"`);
  }
}

function cross(a: ReadonlyArray<ReadonlyArray<FormulaVariable>>, b: ReadonlyArray<ReadonlyArray<FormulaVariable>>): FormulaVariable[][] {
  const out: FormulaVariable[][] = [];
  for (const x of a) {
    for (const y of b) {
      const merged = [...x];
      for (const v of y) if (!merged.some((w) => w.label === v.label)) merged.push(v);
      out.push(merged);
    }
  }
  return out;
}

function sameTerm(a: ReadonlyArray<FormulaVariable>, b: ReadonlyArray<FormulaVariable>): boolean {
  return a.length === b.length && a.every((v) => b.some((w) => w.label === v.label));
}

/**
 * Parses an lme4-style model formula: `y ~ a + b*factor(c) + (1 | g)`, `(x | g)`, `a:b`, `0 +`/`- 1`.
 * Terms are deduplicated and ordered as R orders them; variables inside an interaction follow
 * their first appearance in the formula (so `b:a` is labelled `a:b` when `a` came first).
 * @example parseFormula('Reaction ~ Days + (Days | Subject)').random[0].group // 'Subject'
 */
export function parseFormula(src: string): ParsedFormula {
  const p = new Parser(tokenize(src), src);
  const { response, rhs } = p.parseFormula();
  const order: string[] = [];
  for (const t of rhs.terms) for (const v of t) if (!order.includes(v.label)) order.push(v.label);
  const unique: FormulaVariable[][] = [];
  for (const t of rhs.terms) {
    const sorted = [...t].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
    if (!unique.some((u) => sameTerm(u, sorted))) unique.push(sorted);
  }
  const terms = unique
    .map((vars, idx) => ({ vars, idx }))
    .sort((a, b) => a.vars.length - b.vars.length || a.idx - b.idx)
    .map(({ vars }) => ({ variables: vars, label: vars.map((v) => v.label).join(':') }));
  const columns = new Set([...terms.flatMap((t) => t.variables.map((v) => v.column)), ...p.random.map((r) => r.group)]);
  if (columns.has(response)) throw statsError(`the response "${response}" also appears on the right-hand side`);
  return { response, intercept: rhs.intercept !== 'remove', terms, random: p.random };
}
