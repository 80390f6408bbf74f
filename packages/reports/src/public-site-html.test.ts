import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoSiteContent } from '@mimamori/core/publicsite/demo-public-site';
import { publicHours } from '@mimamori/core/publicsite/public-hours';
import { freshClinicCalendar } from '@mimamori/core/scheduling/fresh-clinic';
import { renderClinicPage } from './public-site-html.ts';

const hours = publicHours({ ...freshClinicCalendar('Asia/Tokyo'), weeklyHours: { mon: [{ start: '09:00', end: '12:00' }] } }, { today: '2026-12-07', days: 21 });

test('the public page of a clinic without a phone offers no call button and no phone line', () => {
  const html = renderClinicPage({ content: demoSiteContent, hours, phone: '', address: null, recruitments: [] }, { lang: 'ja', baseUrl: 'http://localhost:3000' });
  assert.doesNotMatch(html, /tel:(?!119)/);
  assert.doesNotMatch(html, /電話する（）/);
  const withPhone = renderClinicPage({ content: demoSiteContent, hours, phone: '03-1234-5678', address: '東京都港区', recruitments: [] }, { lang: 'ja', baseUrl: 'http://localhost:3000' });
  assert.match(withPhone, /href="tel:0312345678"/);
  assert.match(withPhone, /電話する（03-1234-5678）/);
});
