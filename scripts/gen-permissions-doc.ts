// Writes docs/permissions.md from the permission matrix and the route table (npm run docs:permissions).
import { writeFileSync } from 'node:fs';
import { createTestDb } from '../packages/storage/test/test-db.ts';
import { createApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { renderPermissionsDoc } from '../packages/server/src/auth/permissions-doc.ts';

const db = await createTestDb('sqlite');
const app = await createApp({ db, clock: () => new Date(), config: loadConfig({}) });
await app.ready();
writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsDoc(app.routeTable));
await app.close();
await db.destroy();
console.log('docs/permissions.md written');
