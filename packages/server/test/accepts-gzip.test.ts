import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptsGzip } from '../src/http/accepts-gzip.ts';

test('gzip is taken when a browser offers it, and refused when weighted zero or not offered', () => {
  for (const yes of ['gzip', 'gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8, *;q=0.1', 'GZIP', 'x-gzip', '*', 'deflate, *;q=0.5', 'gzip ; q=0.001']) {
    assert.equal(acceptsGzip(yes), true, yes);
  }
  for (const no of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip;q=0.000', '*;q=0', 'gzip;q=0, *', '*, gzip;q=0', 'gzip;q=abc', 'gzip;q=2', ['gzip']]) {
    assert.equal(acceptsGzip(no as string | undefined), false, String(no));
  }
});
