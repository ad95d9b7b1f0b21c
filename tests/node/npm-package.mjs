// The npm package as a user gets it, for the npm tests in Node and in the browsers: www/dist/npm
// (built by www/scripts/build.sh) packed with `npm pack` and the tarball installed into a fresh
// project. The package has no dependencies, so installing it needs no registry: npm runs offline.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = new URL('../../www/', import.meta.url);
/** The built package folder. */
export const PACKAGE = fileURLToPath(new URL('dist/npm/', WWW));
/** The demo's config: the sample article's 11 actors. */
export const DEMO_CONFIG = fileURLToPath(new URL('demo/actors.json', WWW));

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Packs the package into a fresh temporary folder and installs the tarball into a project there,
 * `{"type": "module"}` and nothing else. Returns the project's path, what `npm pack --json` said
 * of the tarball (`filename`, `size`, `unpackedSize`, `files` with each `path`), and `remove()`,
 * which deletes the folder.
 */
export function packAndInstall() {
  const folder = mkdtempSync(join(tmpdir(), 'npm-package-'));
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', folder], PACKAGE));
  const project = join(folder, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', join(folder, packed.filename)], project);
  return { project, packed, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * The demo article's text as the page shows it: its headline and paragraphs, tags taken out, one
 * paragraph break (U+2029, as the shim joins blocks) between them.
 */
export function demoArticleText() {
  const html = readFileSync(new URL('demo/index.html', WWW), 'utf8');
  const article = html.match(/<article>([\s\S]*?)<\/article>/)[1];
  return [...article.matchAll(/<(h1|p)\b[^>]*>([\s\S]*?)<\/\1>/g)]
    .map(([, , inner]) => inner.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim())
    .join('\u2029');
}
