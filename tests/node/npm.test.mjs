// The npm package `article-highlighter` as a user installs it (npm-package.mjs packs www/dist/npm
// and installs the tarball into a fresh project): what the tarball holds, Node importing it by
// name and scanning an article, and its types under tsc. The browsers' side is
// tests/browser/npm.test.mjs. Needs `www/scripts/build.sh` to have run.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CONFIG, demoArticleText, packAndInstall } from './npm-package.mjs';

const { build } = createRequire(new URL('../../www/package.json', import.meta.url))('esbuild');

const { project, packed, remove } = packAndInstall();
after(remove);
const installed = join(project, 'node_modules', 'article-highlighter');
const fixtures = fileURLToPath(new URL('npm/', import.meta.url));

const dist = new URL('../../www/dist/', import.meta.url);
const { initSync, Highlighter } = await import(new URL('pkg/article_highlighter.js', dist));
initSync({ module: readFileSync(new URL('pkg/article_highlighter_bg.wasm', dist)) });

const shared = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const TSC = fileURLToPath(new URL('../../www/node_modules/.bin/tsc', import.meta.url));

test('the tarball holds the modules the entries reach, their types, the wasm, the manifest and the README', async () => {
  console.log(`npm package: ${packed.filename}, ${packed.size} bytes packed (${packed.unpackedSize} unpacked) in ${packed.files.length} files`);
  const paths = packed.files.map((file) => file.path).sort();
  for (const path of ['package.json', 'README.md', 'article-highlighter.js', 'article-highlighter.d.ts', 'lists.js', 'lists.d.ts',
    'node.js', 'node.d.ts', 'types.d.ts', 'pkg/article_highlighter_bg.wasm']) {
    assert.ok(paths.includes(path), `${path} is in the tarball`);
  }
  // Every module in it is one an entry imports, statically or on demand, and nothing else ships.
  const { metafile } = await build({
    entryPoints: ['article-highlighter.js', 'lists.js', 'node.js'],
    absWorkingDir: installed,
    bundle: true, format: 'esm', platform: 'neutral', external: ['node:*'], write: false, metafile: true, outdir: 'unused', logLevel: 'silent',
  });
  assert.deepEqual(paths.filter((path) => path.endsWith('.js')), Object.keys(metafile.inputs).sort());
  assert.deepEqual(paths.filter((path) => !/\.(js|d\.ts)$/.test(path)), ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'package.json', 'pkg/article_highlighter_bg.wasm']);

  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) assert.equal(manifest[field], undefined, `no ${field}`);
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.ok(cargo.includes(`\nversion = "${manifest.version}"\n`), `the crate's version, ${manifest.version}`);
});

/** Runs tests/node/npm/scan.mjs in the project on a config and an article (paths). */
function scanInProject(config, article) {
  copyFileSync(join(fixtures, 'scan.mjs'), join(project, 'scan.mjs'));
  return spawnSync(process.execPath, ['scan.mjs', config, article], { cwd: project, encoding: 'utf8' });
}

test('Node imports the installed package by name and scans the seed article with the demo config', (t) => {
  let article = join(shared, 'seed-article.txt');
  if (!existsSync(article)) {
    t.diagnostic('../shared is absent: scanning the demo article instead of the seed article, without its gold');
    article = join(project, 'demo-article.txt');
    writeFileSync(article, demoArticleText());
  }
  const run = scanInProject(DEMO_CONFIG, article);
  assert.equal(run.status, 0, run.stderr);
  const { exports, report } = JSON.parse(run.stdout);
  assert.deepEqual(exports, ['scanText'], 'in Node, the scan alone: there is no page to highlight');

  const text = readFileSync(article, 'utf8');
  const config = readFileSync(DEMO_CONFIG, 'utf8');
  assert.deepEqual(report, new Highlighter(config).scan(text), 'the report of the core in www/dist');
  assert.ok(report.mentions.length > 40 && report.quotes.length >= 4);
  for (const span of report.mentions) assert.equal(text.slice(span.start, span.end), span.text);
  // The seed's gold was marked by hand; the demo config has its actors, with colours.
  const gold = join(shared, 'seed-gold.json');
  if (existsSync(gold) && article.startsWith(shared)) {
    const expected = JSON.parse(readFileSync(gold, 'utf8'));
    assert.deepEqual(report.mentions.map(({ actor, start, end, text: said }) => ({ start, end, text: said, actor })), expected.mentions);
    assert.deepEqual(
      report.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, kind: q.kind, speaker: q.speaker?.actor ?? null, cue: q.cue?.text ?? null })),
      expected.quotes,
    );
  }
});

test('in Node, an invalid config rejects with the message the core gives', () => {
  const config = join(project, 'bad-config.json');
  const bad = { actors: [{ id: 'sadiq', aliases: ['Sadiq'], colour: '#d33' }] };
  writeFileSync(config, JSON.stringify(bad));
  const article = join(project, 'short-article.txt');
  writeFileSync(article, '“Some defections have already occurred,” Sadiq said.');
  const run = scanInProject(config, article);
  assert.equal(run.status, 1);
  assert.throws(() => new Highlighter(bad), (error) => error.message === run.stderr && /colour/.test(run.stderr));
});

test('the types check under tsc: Node resolution gets the scan alone, a bundler the page API and the lists', () => {
  const check = (file, flags) => {
    copyFileSync(join(fixtures, file), join(project, file));
    try {
      execFileSync(TSC, ['--noEmit', '--strict', '--target', 'es2022', ...flags, file], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      assert.fail(`tsc on ${file}:\n${error.stdout}${error.stderr}`);
    }
  };
  // Each file also misuses the API where marked @ts-expect-error: types too loose fail the check.
  check('node-consumer.ts', ['--module', 'nodenext', '--moduleResolution', 'nodenext']);
  check('page-consumer.ts', ['--lib', 'es2022,dom', '--module', 'esnext', '--moduleResolution', 'bundler']);
});
