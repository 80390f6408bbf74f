import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { createTestApp } from './test-app.ts';

test('RATE_LIMIT_PER_MINUTE sets the per-address limit; without it (or with nonsense) it stays 600', () => {
  assert.equal(loadConfig({}).rateLimitPerMinute, 600);
  assert.equal(loadConfig({ RATE_LIMIT_PER_MINUTE: '' }).rateLimitPerMinute, 600);
  assert.equal(loadConfig({ RATE_LIMIT_PER_MINUTE: 'many' }).rateLimitPerMinute, 600);
  assert.equal(loadConfig({ RATE_LIMIT_PER_MINUTE: '5000' }).rateLimitPerMinute, 5000);
  assert.equal(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute, 1);
});

test('the app enforces the configured limit per client address', async () => {
  const t = await createTestApp('sqlite', { rateLimitPerMinute: 3 });
  try {
    const from = (remoteAddress: string) => t.app.inject({ url: '/api/health', remoteAddress });
    for (let i = 0; i < 3; i++) assert.equal((await from('192.0.2.1')).statusCode, 200);
    const limited = await from('192.0.2.1');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.equal((await from('192.0.2.2')).statusCode, 200, 'another address has its own count');
  } finally {
    await t.destroy();
  }
});
