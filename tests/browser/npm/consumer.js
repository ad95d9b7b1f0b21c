// A page's own module using the installed package, as the README's "npm" section shows: served
// as it is with an import map naming the package, or bundled by esbuild with the package in it.
import { highlight } from 'article-highlighter';

const config = await (await fetch(new URL('actors.json', import.meta.url))).json();
window.session = await highlight(config, { root: 'article' });
document.documentElement.dataset.ready = 'true';
