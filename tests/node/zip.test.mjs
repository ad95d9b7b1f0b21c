// The extension's packages (www/scripts/zip.mjs, used by build-extension.mjs): the same files
// give the same bytes at any time, and a built package holds exactly its extension's files.
// The second test needs `www/scripts/build.sh` to have run.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, zipFolder } from '../../www/scripts/zip.mjs';

const { unzipSync } = createRequire(new URL('../../www/package.json', import.meta.url))('fflate');

const DIST = fileURLToPath(new URL('../../www/dist/', import.meta.url));

test('zipping the same files again, later and from files of another date, gives the same bytes', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'zip-test-'));
  t.after(() => rmSync(folder, { recursive: true }));
  mkdirSync(join(folder, 'pkg'));
  // Written out of order: the zip lists them by path all the same.
  for (const [path, text] of [['pkg/core.wasm', 'wasm'], ['manifest.json', '{}'], ['background.js', 'let a;']]) {
    writeFileSync(join(folder, path), text);
  }
  mock.timers.enable({ apis: ['Date'], now: new Date(2001, 0, 1) });
  t.after(() => mock.timers.reset());
  const first = zipFolder(folder);

  mock.timers.setTime(new Date(2024, 5, 30, 13, 45, 7).getTime());
  for (const path of filesIn(folder)) utimesSync(join(folder, path), new Date(2020, 1, 2), new Date(2020, 1, 2));
  const second = zipFolder(folder);

  assert.ok(Buffer.from(first).equals(Buffer.from(second)), 'the two zips differ');
  assert.deepEqual(Object.keys(unzipSync(first)), ['background.js', 'manifest.json', 'pkg/core.wasm']);
});

test('each built package holds exactly the files of its extension folder, zipped reproducibly', () => {
  for (const browser of ['chrome', 'firefox']) {
    const folder = join(DIST, 'extension', browser);
    const built = readFileSync(join(DIST, `article-highlighter-${browser}.zip`));
    const entries = unzipSync(built);
    assert.deepEqual(Object.keys(entries), [
      'background.js', 'content.js', 'lists/world-states-capitals.json', 'lists/world-states.json', 'manifest.json', 'options.css', 'options.html', 'options.js', 'pkg/article_highlighter_bg.wasm',
    ], browser);
    for (const [path, data] of Object.entries(entries)) {
      assert.ok(readFileSync(join(folder, path)).equals(Buffer.from(data)), `${browser}: ${path} differs from the folder's`);
    }
    // Zipped now, long after the build, the folder gives the very bytes the build wrote.
    assert.ok(built.equals(Buffer.from(zipFolder(folder))), `${browser}: the package is not what its files zip to`);
  }
});
