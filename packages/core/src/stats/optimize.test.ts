import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bfgs, nelderMead, newtonPolish } from './optimize.ts';
import { gradient, hessian, jacobian } from './numeric-derivatives.ts';

const rosenbrock = (x: ReadonlyArray<number>) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

test('Nelder–Mead then Newton finds the Rosenbrock minimum to high precision', () => {
  const nm = nelderMead(rosenbrock, [-1.2, 1]);
  const nt = newtonPolish(rosenbrock, nm.x);
  assert.ok(nt.converged);
  assert.ok(Math.abs(nt.x[0] - 1) < 1e-6 && Math.abs(nt.x[1] - 1) < 1e-6, `got ${nt.x}`);
});

test('BFGS finds the minimum of a correlated quadratic', () => {
  const f = (x: ReadonlyArray<number>) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + (x[0] - 3) * (x[1] + 1);
  const r = bfgs(f, [0, 0]);
  assert.ok(r.converged);
  assert.ok(Math.abs(r.x[0] - 3) < 1e-6 && Math.abs(r.x[1] + 1) < 1e-6, `got ${r.x}`);
});

test('BFGS with an analytic gradient uses it and needs no difference quotients', () => {
  let evaluations = 0;
  const f = (x: ReadonlyArray<number>) => { evaluations++; return (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + (x[0] - 3) * (x[1] + 1); };
  const gradient = (x: ReadonlyArray<number>) => [2 * (x[0] - 3) + (x[1] + 1), 4 * (x[1] + 1) + (x[0] - 3)];
  const r = bfgs(f, [0, 0], { gradient });
  assert.ok(r.converged);
  assert.ok(Math.abs(r.x[0] - 3) < 1e-7 && Math.abs(r.x[1] + 1) < 1e-7, `got ${r.x}`);
  // a wrong gradient would show here: the line search fails rather than converging elsewhere
  assert.equal(evaluations, r.evaluations);
  assert.ok(r.evaluations < 30, `${r.evaluations} evaluations`);
  assert.equal(bfgs(f, [0, 0], { gradient: (x) => gradient(x).map((v) => -v) }).converged, false);
});

test('lower bounds are respected: a minimum outside the box ends on the bound', () => {
  const f = (x: ReadonlyArray<number>) => (x[0] + 2) ** 2 + (x[1] - 1) ** 2;
  const nt = newtonPolish(f, nelderMead(f, [1, 0], { lower: [0, -Infinity] }).x, { lower: [0, -Infinity] });
  assert.equal(nt.x[0], 0);
  assert.ok(Math.abs(nt.x[1] - 1) < 1e-6);
});

test('numerical derivatives (Richardson) are accurate to many digits', () => {
  const f = (x: ReadonlyArray<number>) => Math.exp(x[0]) * Math.sin(x[1]);
  const x = [0.3, 1.1];
  const g = gradient(f, x);
  assert.ok(Math.abs(g[0] - Math.exp(0.3) * Math.sin(1.1)) < 1e-9);
  assert.ok(Math.abs(g[1] - Math.exp(0.3) * Math.cos(1.1)) < 1e-9);
  const H = hessian(f, x);
  assert.ok(Math.abs(H[0][1] - Math.exp(0.3) * Math.cos(1.1)) < 1e-7);
  assert.ok(Math.abs(H[1][1] + Math.exp(0.3) * Math.sin(1.1)) < 1e-7);
  const J = jacobian((z) => [z[0] * z[1], z[0] + z[1]], [2, 3]);
  assert.ok(Math.abs(J[0][0] - 3) < 1e-10 && Math.abs(J[1][1] - 1) < 1e-10);
});
