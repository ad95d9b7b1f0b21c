// The static server of the demo and the browser tests (www/scripts/serve.mjs): the content types
// and headers the pages and the CSP tests need, and requests that must not reach outside the
// served folder or stop the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../www/scripts/serve.mjs';

// `site` and, beside it, `site-private`, whose name starts with the served folder's.
const folder = mkdtempSync(join(tmpdir(), 'serve-test-'));
const site = join(folder, 'site');
mkdirSync(join(site, 'demo'), { recursive: true });
mkdirSync(join(folder, 'site-private'));
writeFileSync(join(site, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
writeFileSync(join(site, 'core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
writeFileSync(join(site, 'strict.html'), '<!doctype html><title>strict</title>');
writeFileSync(join(folder, 'site-private', 'secret.txt'), 'not to be served');

let server;
before(async () => {
  server = await serve(site, { headers: (path) => (path === '/strict.html' ? { 'content-security-policy': "script-src 'self'" } : {}) });
});
after(async () => {
  await server?.close();
  rmSync(folder, { recursive: true });
});

test('files come with their content type, no-store, and the extra headers of their path', async () => {
  const demo = await fetch(`${server.url}/demo/`);
  assert.equal(demo.status, 200);
  assert.equal(demo.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(demo.headers.get('cache-control'), 'no-store');
  assert.equal(demo.headers.get('content-security-policy'), null);
  assert.equal(await demo.text(), '<!doctype html><title>demo</title>');

  const wasm = await fetch(`${server.url}/core.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer())], [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

  const strict = await fetch(`${server.url}/strict.html`);
  assert.equal(strict.headers.get('content-security-policy'), "script-src 'self'");

  const missing = await fetch(`${server.url}/nowhere.html`);
  assert.equal(missing.status, 404);
  await missing.text();
});

test('an escaped ../ does not reach a folder beside the served one', async () => {
  for (const path of ['/..%2fsite-private/secret.txt', '/..%2Fsite-private%2Fsecret.txt', '/demo/..%2f..%2fsite-private/secret.txt']) {
    const response = await fetch(`${server.url}${path}`);
    const body = await response.text();
    assert.ok([403, 404].includes(response.status), `${path}: status ${response.status}`);
    assert.ok(!body.includes('not to be served'), `${path} served the sibling's file`);
  }
});

test('a malformed escape is a 400, and the server goes on serving', async () => {
  const bad = await fetch(`${server.url}/%E0%A4%A`);
  assert.equal(bad.status, 400);
  await bad.text();
  const next = await fetch(`${server.url}/demo/`);
  assert.equal(next.status, 200);
  assert.equal(await next.text(), '<!doctype html><title>demo</title>');
});
