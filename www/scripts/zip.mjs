// Zips a folder so that the same files give the same bytes, whenever and wherever it runs: the
// entries in path order, each dated 1980-01-01 00:00 (the earliest date a zip can hold) instead of
// its file's time. The extension's packages are built this way (build-extension.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { zipSync } from 'fflate';

/** Every file under `folder`, as paths relative to it with `/` between parts, sorted. */
export function filesIn(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((path) => statSync(join(folder, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** The zip of every file under `folder`, deflated at level 9. */
export function zipFolder(folder) {
  // A local date: a zip's dates are calendar fields, which this gives the same in every time zone.
  const mtime = new Date(1980, 0, 1);
  const entries = Object.fromEntries(filesIn(folder).map((path) => [path, [readFileSync(join(folder, path)), { mtime }]]));
  return zipSync(entries, { level: 9 });
}
