/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localPath, matchPath } from './router.ts';

test('patient paths match with decoded params', () => {
  assert.deepEqual(matchPath('/q/:token', '/q/abc%2Fdef'), { params: { token: 'abc/def' } });
  assert.deepEqual(matchPath('/', '/'), { params: {} });
  assert.equal(matchPath('/q/:token', '/q'), null);
  assert.equal(matchPath('/q/:token', '/x/abc'), null);
  assert.equal(matchPath('/q/:token', '/q/%E0%A4%A'), null);
});

test('the base is stripped', () => {
  assert.equal(localPath('/p'), '/');
  assert.equal(localPath('/p/'), '/');
  assert.equal(localPath('/p/link-invalid'), '/link-invalid');
});
