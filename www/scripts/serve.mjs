// A small static file server for the demo and the browser tests, on localhost only.
//   node www/scripts/serve.mjs DIR [--port N]
// Port 0 picks a free port. The first line printed is the URL. Extra response headers for a path
// can be given programmatically (tests use this to serve pages with a CSP).
//
// serve-static (Express's, on `send`) does the file serving: decoding the path (a malformed
// escape is a 400), refusing `..` in it after decoding (403), content types, index.html for a
// folder and the redirect from `/demo` to `/demo/`; finalhandler answers what it does not serve.
import { createServer } from 'node:http';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import finalhandler from 'finalhandler';
import serveStatic from 'serve-static';

/**
 * Serves `dir` on 127.0.0.1. `headers(path)` may add response headers to a file served, by its
 * path under `dir` as a URL path (`/strict.html`; a folder's `/demo/index.html`).
 */
export function serve(dir, { port = 0, headers = () => ({}) } = {}) {
  const base = resolve(dir);
  const files = serveStatic(base, {
    // Never cached, never a 304: a page loads what www/dist holds now, after any rebuild.
    cacheControl: false,
    etag: false,
    lastModified: false,
    // A bad request gets its own status (400, 403, 404) from finalhandler, not a plain 404.
    fallthrough: false,
    setHeaders(res, file) {
      res.setHeader('cache-control', 'no-store');
      const path = `/${relative(base, file).split(sep).join('/')}`;
      for (const [name, value] of Object.entries(headers(path))) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) => files(req, res, finalhandler(req, res)));
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({
    server,
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = '.', flag, value] = process.argv.slice(2);
  const { url } = await serve(dir, { port: flag === '--port' ? Number(value) : 8080 });
  console.log(`${url}/demo/`);
}
