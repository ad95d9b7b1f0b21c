// Embedding in a static site: the module highlights on load when its own <script> tag says how.
//
//   <script type="module" src="/article-highlighter.js" data-config="actors.json" data-root="article"></script>
//
// `data-config` is the URL of a JSON config (relative to the page), or `#id` of an inline
// <script type="application/json" id="id"> holding it; without it, an inline
// <script type="application/json" data-article-highlighter-config> is used if the page has one.
// `data-root` (a CSS selector), `data-paint` (highlights | marks) and `data-sidebar="false"`
// map to highlight()'s options. A page that imports the module without such a tag gets nothing
// started: the module then only exports its API.

import { showError } from './sidebar.js';

/** The <script> element that loaded the module at `moduleUrl`, if the page has one. */
function ownScript(doc, moduleUrl) {
  return [...doc.querySelectorAll('script[type="module"][src]')].find((s) => new URL(s.src, doc.baseURI).href === moduleUrl);
}

/** Reads the config the tag points to: a URL to fetch, or inline JSON in the page. */
async function readConfig(doc, script) {
  const source = script.dataset.config;
  const inline = source?.startsWith('#')
    ? doc.getElementById(source.slice(1))
    : source ? null : doc.querySelector('script[type="application/json"][data-article-highlighter-config]');
  if (inline) return JSON.parse(inline.textContent);
  const response = await fetch(new URL(source, doc.baseURI));
  if (!response.ok) throw new Error(`the config ${source} could not be loaded (HTTP ${response.status})`);
  return response.json();
}

/**
 * Starts highlighting if the page embedded the module with a config; resolves to the session (or
 * null when the page only imports the module, or on an error, which is shown and logged).
 */
export async function autostart(moduleUrl, highlight, doc = document) {
  const script = ownScript(doc, moduleUrl);
  const configured = script && ('config' in script.dataset || doc.querySelector('script[data-article-highlighter-config]'));
  if (!configured) return null;
  const options = {
    root: script.dataset.root || undefined,
    paint: script.dataset.paint || 'auto',
    sidebar: script.dataset.sidebar !== 'false',
  };
  let config;
  try {
    config = await readConfig(doc, script);
  } catch (error) {
    // highlight() shows its own failures; a config that cannot be read never reaches it.
    if (options.sidebar) showError(doc, error.message);
    console.error(`Article Highlighter: ${error.message}`);
    return null;
  }
  try {
    return await highlight(config, options);
  } catch (error) {
    console.error(`Article Highlighter: ${error.message}`);
    return null;
  }
}
