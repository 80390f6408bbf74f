#!/usr/bin/env node
// Writes brotli (.br) and gzip (.gz) copies beside every built web asset worth compressing, so
// the server sends them as they are (its static handler is `preCompressed`). Run by the web build.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
let files = 0;
let raw = 0;
let br = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css|svg|html|json|txt)$/.test(name)) {
      const body = readFileSync(path);
      if (body.length < 1024) continue;
      const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      writeFileSync(`${path}.br`, b);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      files++;
      raw += body.length;
      br += b.length;
    }
  }
}
walk(root);
console.log(`compress-web: ${files} files, ${(raw / 1024).toFixed(1)} kB → ${(br / 1024).toFixed(1)} kB brotli`);
