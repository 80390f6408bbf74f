import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { seedSchedulingConfig } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { acceptsBrotli } from '../src/http/compress-answers.ts';
import { createTestApp, type TestApp } from './test-app.ts';

test('brotli is taken when offered with a weight above zero', () => {
  for (const yes of ['br', 'gzip, deflate, br, zstd', 'br;q=0.5']) assert.equal(acceptsBrotli(yes), true, yes);
  for (const no of [undefined, '', 'gzip', 'br;q=0', 'brotli']) assert.equal(acceptsBrotli(no), false, String(no));
});

for (const dialect of testDialects().slice(0, 1)) {
  describe(`answers built in memory are compressed (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await seedSchedulingConfig(t.db.db, { clinicId: t.clinicId, now: t.clock.now.toISOString() });
    });
    after(() => t.destroy());

    test('a public page in brotli or gzip as offered, the same HTML once decoded; plain without the header', async () => {
      const plain = await t.app.inject({ url: '/p/' });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.length > 1024);
      const br = await t.app.inject({ url: '/p/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
      assert.ok(br.rawPayload.length < plain.body.length / 2);
      const gz = await t.app.inject({ url: '/p/', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body);
    });

    test('a small answer is sent as it is', async () => {
      const res = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
      assert.equal(res.headers['content-encoding'], undefined);
    });
  });
}
