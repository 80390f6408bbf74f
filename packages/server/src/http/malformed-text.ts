import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '@mimamori/core';

/**
 * Control characters no field may hold: C0 (except tab, newline and the CR of a CRLF pair), DEL
 * and C1. NUL in particular is refused by PostgreSQL text columns, and the others corrupt
 * printouts, CSV exports and mail.
 */
export const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
/** A single-line field refuses tab and line breaks too (`text()` in `routes/schemas.ts`). */
export const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/** A UTF-16 surrogate that is not half of a pair: it has no UTF-8 form and would be stored as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

export type TextProblem = 'control_characters' | 'ill_formed_unicode';

/** What is wrong with one string, if anything. */
export function textProblem(s: string): TextProblem | undefined {
  if (LONE_SURROGATE.test(s)) return 'ill_formed_unicode';
  if (FORBIDDEN_CONTROL.test(s)) return 'control_characters';
  return undefined;
}

/**
 * The first malformed string (a value or an object key) anywhere in a parsed JSON value, query or
 * params, with its path (`guardians.0.name`). Walks without recursion, so deep nesting cannot
 * overflow the stack.
 */
export function findMalformedText(value: unknown): { path: string; problem: TextProblem } | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push([x, path ? `${path}.${i}` : String(i)]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        const problem = textProblem(k);
        if (problem) return { path: p, problem };
        stack.push([x, p]);
      }
    }
  }
  return undefined;
}

function refuse(found: { path: string; problem: TextProblem }): DomainError {
  return new DomainError('validation', { key: 'malformed_text', issues: [{ path: found.path, key: found.problem }] });
}

/**
 * The one check for malformed text on every route: JSON bodies must be valid UTF-8 (bytes that are
 * not would silently become U+FFFD), and no string in the body, the query or the path parameters
 * may hold a forbidden control character or a lone surrogate. It runs before the route's zod
 * schema, so routes whose schema accepts any string (or any JSON) are covered as well.
 */
export function installMalformedTextCheck(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    if (!isUtf8(buf)) return done(new DomainError('validation', { key: 'malformed_text', issues: [{ path: '', key: 'ill_formed_unicode' }] }), undefined);
    parseJson(req, buf.toString('utf8'), done);
  });
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const found = findMalformedText(part);
      if (found) throw refuse(found);
    }
  });
}
