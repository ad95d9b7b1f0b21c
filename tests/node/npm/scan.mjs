// Run in a project that installed the package: `node scan.mjs CONFIG ARTICLE` imports it by its
// name, as a Node user does, and prints what it exports and the report, as JSON; a rejected scan
// prints its error's message on stderr and exits with 1.
import { readFileSync } from 'node:fs';
import * as api from 'article-highlighter';

const [config, article] = process.argv.slice(2).map((path) => readFileSync(path, 'utf8'));
try {
  const report = await api.scanText(config, article);
  process.stdout.write(JSON.stringify({ exports: Object.keys(api), report }));
} catch (error) {
  process.stderr.write(error.message);
  process.exitCode = 1;
}
