// The in-page half of the benchmark: run.mjs opens a freshly loaded page, imports this module
// from the bench site (/bench/probe.js) and calls one of its exports. Each returns plain numbers
// (milliseconds from performance.now()) and counts, so Node can check and tabulate them.

/**
 * mark.js options for the fairest comparison we can make: one mark() call with the whole alias
 * list, across inline elements like ours, each alias as one phrase, and "exactly" accuracy, its
 * closest to whole-word matching. Its word limits are white space plus these characters, so that
 * "Pakistan’s", "(TTP)", "Afghanistan-Pakistan" and "U.S.," still match as ours do. Diacritics
 * stay literal (mark.js would otherwise turn every letter into a character class) because our
 * matcher does not fold them either; case is ignored, which is mark.js's only choice for a list.
 */
export const MARK_OPTIONS = {
  acrossElements: true,
  separateWordSearch: false,
  diacritics: false,
  accuracy: {
    value: 'exactly',
    limiters: [',', '.', ';', ':', '!', '?', '"', "'", '“', '”', '‘', '’', '(', ')', '[', ']', '-', '–', '—', '/', '…'],
  },
};

/** Resolves inside a frame's animation callbacks: work started then is rendered in that frame. */
function frameStart() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Resolves once the current frame has been rendered: a timer set during a frame's callbacks
 * runs only after that frame's style, layout and paint.
 */
function afterRender() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Times `work` from the start of a frame to the end of the frame that shows its result, so the
 * figure holds the page's own style, layout and paint work, not only our script, and no wait for
 * the next frame. `script` is the script part alone.
 */
async function timed(work) {
  await frameStart();
  const started = performance.now();
  const value = await work();
  const script = performance.now() - started;
  await afterRender();
  return { value, script, painted: performance.now() - started };
}

/** Lets the freshly loaded page finish its first frames before anything is timed. */
async function settle() {
  for (let i = 0; i < 3; i += 1) {
    await frameStart();
    await afterRender();
  }
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The element both highlighters work on: a CSS selector, or "find" for the article the shim finds. */
async function rootOf(root) {
  if (root === 'find') {
    const { findArticle } = await import('/article.js');
    return findArticle(document);
  }
  const element = document.querySelector(root);
  if (!element) throw new Error(`no element matches ${root}`);
  return element;
}

/** Mention ranges painted right now: CSS highlights, or our <mark> elements for mentions. */
function paintedMentions() {
  let ranges = 0;
  for (const [name, group] of CSS.highlights) if (name.startsWith('article-highlighter-actor-')) ranges += group.size;
  return ranges + document.querySelectorAll('mark[data-article-highlighter="mention"]').length;
}

/**
 * Ours on this fresh page: highlight() then remove(), each timed. The core is loaded first; the
 * config is compiled first too unless `firstCall`, in which case the timed call includes
 * compiling it, as a reader's first click would. Then, unless `firstCall`, the same again on the
 * page that remove() has just restored: by then the engine has compiled the code that the first
 * call ran for the first time (the core's scanning functions, the shim's painting).
 */
export async function ours({ configUrl, root, paint, firstCall }) {
  const config = await fetchJson(configUrl);
  const element = await rootOf(root);
  const { loadCore, highlighterFor } = await import('/core.js');
  const { highlight } = await import('/article-highlighter.js');
  await loadCore();
  if (!firstCall) await highlighterFor(config);
  const before = element.innerHTML;
  const once = async () => {
    await settle();
    const shown = await timed(() => highlight(config, { root: element, paint, sidebar: false, observe: false }));
    const session = shown.value;
    const result = { mode: session.mode, count: session.count, painted: paintedMentions() };
    const removed = await timed(() => session.remove());
    return {
      ...result,
      paint: { script: shown.script, painted: shown.painted },
      remove: { script: removed.script, painted: removed.painted },
      left: paintedMentions(),
      restored: element.innerHTML === before,
    };
  };
  const first = await once();
  if (firstCall) return first;
  const again = await once();
  return { ...first, again: { paint: again.paint, remove: again.remove }, left: first.left + again.left, restored: first.restored && again.restored };
}

/**
 * The floor for painting with the CSS Custom Highlight API: on this fresh page, ours paints its
 * highlights and, in the same task (so the browser never shows them), they are taken away again,
 * keeping the Highlight objects and the stylesheet; then these are put back, timed like ours()
 * but with no text collected, scanned or turned into ranges. What is left is the browser's work
 * to show those highlights the first time, which any highlighter painting them pays.
 */
export async function floor({ configUrl, root }) {
  const config = await fetchJson(configUrl);
  const element = await rootOf(root);
  const { loadCore, scanText } = await import('/parts/core.js');
  const { collectText } = await import('/parts/text.js');
  const { paint } = await import('/parts/paint.js');
  await loadCore();
  const model = collectText(element);
  const report = await scanText(config, model.text);
  const before = document.adoptedStyleSheets;
  paint(model, report, 'highlights');
  const groups = [...CSS.highlights];
  const sheets = document.adoptedStyleSheets;
  for (const [name] of groups) CSS.highlights.delete(name);
  document.adoptedStyleSheets = before;
  await settle();
  const shown = await timed(() => {
    for (const [name, group] of groups) CSS.highlights.set(name, group);
    document.adoptedStyleSheets = sheets;
  });
  const painted = paintedMentions();
  for (const [name] of groups) CSS.highlights.delete(name);
  document.adoptedStyleSheets = before;
  return { paint: { script: shown.script, painted: shown.painted }, count: painted };
}

/** The keywords as mark.js orders them for one call (each once, longest first), in chunks. */
function chunked(keywords, size) {
  const sorted = [...new Set(keywords.filter((k) => k.trim()))].sort((a, b) => b.length - a.length);
  const chunks = [];
  for (let i = 0; i < sorted.length; i += size) chunks.push(sorted.slice(i, i + size));
  return chunks;
}

/**
 * Marks `keywords` with mark.js: one mark() call, or with `chunk`, one call per `chunk` keywords
 * in mark.js's own order, one after another. mark.js is synchronous (without iframes), so either
 * way it all runs in one go. Answers the number of <mark> elements mark.js made.
 */
function markAll(instance, keywords, chunk, extra = {}) {
  return new Promise((resolve) => {
    if (!chunk) {
      instance.mark(keywords, { ...MARK_OPTIONS, ...extra, done: resolve });
      return;
    }
    let total = 0;
    for (const part of chunked(keywords, chunk)) instance.mark(part, { ...MARK_OPTIONS, ...extra, done: (n) => { total += n; } });
    resolve(total);
  });
}

/**
 * Whether `error` is the stack running out: "Maximum call stack size exceeded", or, when it runs
 * out while the engine compiles a regular expression, a SyntaxError ending "Stack overflow".
 */
const isStackOverflow = (error) => (error instanceof RangeError && /call stack/i.test(error.message))
  || (error instanceof SyntaxError && /stack overflow/i.test(error.message));

/**
 * mark.js on this fresh page (run.mjs has added /bench/mark.js to it), in calls that each get
 * their own time limit: markjsPaint() runs mark() with every alias of the config, timed, and
 * keeps the instance; markjsRemove() then times unmark(); markjsAgain() does both once more.
 * `window.benchProgress` counts the keywords mark.js has gone through, so a run stopped by the
 * time limit can say how far it got.
 *
 * mark() goes from one keyword to the next by calling itself from the previous keyword's
 * callback, so a long list can overflow the stack: that is answered as {overflow}, and run.mjs
 * then measures mark.js with the list in chunks (`chunk` keywords per call).
 */
export async function markjsPaint({ configUrl, root, chunk }) {
  const config = await fetchJson(configUrl);
  const element = await rootOf(root);
  const keywords = config.actors.flatMap((actor) => actor.aliases ?? []);
  const progress = { keywords: 0, of: new Set(keywords.filter((k) => k.trim())).size };
  window.benchProgress = progress;
  // mark.js goes through its keywords one at a time and calls filter() for each match of the
  // current one, or noMatch() when it had none: each change of keyword is one more done.
  let current = null;
  const note = (keyword) => {
    if (keyword !== current) {
      current = keyword;
      progress.keywords += 1;
    }
  };
  const instance = new window.Mark(element);
  window.benchMark = instance;
  await settle();
  const filter = (node, keyword) => {
    note(keyword);
    return true;
  };
  let shown;
  try {
    shown = await timed(() => markAll(instance, keywords, chunk, { filter, noMatch: note }));
  } catch (error) {
    if (isStackOverflow(error)) {
      // The message quotes the whole regular expression it was compiling; the gist is enough.
      const message = `${error.name}: ${error.message.replace(/\/.*\/[a-z]*/s, '/…/')}`;
      return { overflow: { ...progress, message } };
    }
    throw error;
  }
  return {
    count: shown.value,
    marks: document.querySelectorAll('mark[data-markjs]').length,
    keywords: progress.of,
    paint: { script: shown.script, painted: shown.painted },
  };
}

export async function markjsRemove() {
  const removed = await timed(() => new Promise((resolve) => window.benchMark.unmark({ done: resolve })));
  return {
    remove: { script: removed.script, painted: removed.painted },
    left: document.querySelectorAll('mark[data-markjs]').length,
  };
}

/** mark() and unmark() once more on the page unmark() has just restored, as ours() does. */
export async function markjsAgain({ configUrl, chunk }) {
  const config = await fetchJson(configUrl);
  const keywords = config.actors.flatMap((actor) => actor.aliases ?? []);
  await settle();
  let shown;
  try {
    shown = await timed(() => markAll(window.benchMark, keywords, chunk));
  } catch (error) {
    if (isStackOverflow(error)) return { overflow: true };
    throw error;
  }
  const removed = await timed(() => new Promise((resolve) => window.benchMark.unmark({ done: resolve })));
  return {
    count: shown.value,
    paint: { script: shown.script, painted: shown.painted },
    remove: { script: removed.script, painted: removed.painted },
    left: document.querySelectorAll('mark[data-markjs]').length,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The median time of `work` over `samples` samples; each sample repeats it until at least
 * `minMs` have passed, since performance.now() is coarse (0.1 ms) beside sub-millisecond work.
 */
function sample(work, { samples = 9, minMs = 20 } = {}) {
  const times = [];
  for (let s = 0; s < samples; s += 1) {
    let runs = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      work();
      runs += 1;
      elapsed = performance.now() - started;
    } while (elapsed < minMs);
    times.push(elapsed / runs);
  }
  return median(times);
}

/** Medians of `first` and `second`, each timed once a round, one right after the other. */
function paired(first, second, rounds) {
  const times = [[], []];
  for (let r = 0; r < rounds; r += 1) {
    [first, second].forEach((work, i) => {
      const started = performance.now();
      work();
      times[i].push(performance.now() - started);
    });
  }
  return times.map(median);
}

/**
 * The core alone, on the text the shim would scan under `root`: scanning against TextEncoder
 * (which reads every character once and writes UTF-8, the least any scan must do), compiling
 * configs, and where the time of one highlight() goes (config key, collecting text, scanning,
 * painting in each mode).
 */
export async function core({ configUrl, bigConfigUrl, root }) {
  const config = await fetchJson(configUrl);
  const element = await rootOf(root);
  const { loadCore } = await import('/parts/core.js');
  const { Highlighter } = await import('/parts/pkg/article_highlighter.js');
  const { collectText } = await import('/parts/text.js');
  const { paint } = await import('/parts/paint.js');
  await loadCore();
  const model = collectText(element);
  const { text } = model;
  // One call a sample, fifteen samples: enough for the median to pass over a slower spell.
  const once = { samples: 15, minMs: 0 };

  const encoder = new TextEncoder();
  const highlighter = new Highlighter(config);
  const report = highlighter.scan(text);
  highlighter.scan(text); // a second warm-up: the engine's optimising tier takes over by now
  encoder.encode(text);
  // One call of each in turn, so that a slower spell of the machine slows both alike.
  const pairedRounds = 15;
  const [encode, scan] = paired(() => encoder.encode(text), () => highlighter.scan(text), pairedRounds);
  const compileAndScan = sample(() => {
    const fresh = new Highlighter(config);
    fresh.scan(text);
    fresh.free();
  }, once);
  highlighter.free();

  const compile = async (url) => {
    const actors = url === configUrl ? config : await fetchJson(url);
    const json = JSON.stringify(actors);
    return {
      actors: actors.actors.length,
      aliases: actors.actors.reduce((n, a) => n + (a.aliases?.length ?? 0), 0),
      fromObject: sample(() => new Highlighter(actors).free(), once),
      fromJson: sample(() => new Highlighter(json).free(), once),
      cacheKey: sample(() => JSON.stringify(actors), once),
    };
  };

  // Where one highlight() call spends its time, step by step as session.js does it.
  const steps = { collect: sample(() => collectText(element), once) };
  for (const mode of ['highlights', 'marks']) {
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      await frameStart();
      const started = performance.now();
      const painter = paint(model, report, mode);
      const painted = performance.now() - started;
      await afterRender();
      const rendered = performance.now() - started;
      painter.remove();
      await afterRender();
      times.push({ painted, rendered });
    }
    steps[mode] = { script: median(times.map((t) => t.painted)), painted: median(times.map((t) => t.rendered)) };
  }

  return {
    chars: text.length,
    utf8Bytes: encoder.encode(text).length,
    mentions: report.mentions.length,
    quotes: report.quotes.length,
    encode,
    scan,
    pairedRounds,
    compileAndScan,
    compile: await compile(configUrl),
    bigCompile: bigConfigUrl ? await compile(bigConfigUrl) : null,
    steps,
  };
}

/**
 * Answers, for each of `conditions` ({name: () => boolean}), performance.now() once the first
 * frame that shows it true has been drawn: the moment the reader sees it. Called from a frame's
 * callbacks (see click): what the call changes before that frame is drawn shows in it, which a
 * check once it is drawn sees; after that each frame is checked as it starts, and what a task
 * changed shows in the next frame. (The shim changes nothing from a frame's own callbacks, where
 * the check would come a frame late; a task run between a frame's drawing and the first check
 * would be counted a frame early, which only a cold call, far longer than a frame, could meet.)
 */
function seenAt(conditions) {
  const times = {};
  const pending = new Set(Object.keys(conditions));
  return new Promise((resolve) => {
    const record = (names) => {
      const now = performance.now();
      for (const name of names) times[name] = now;
      if (Object.keys(times).length === Object.keys(conditions).length) resolve(times);
    };
    const holding = () => {
      const seen = [...pending].filter((name) => conditions[name]());
      for (const name of seen) pending.delete(name);
      return seen;
    };
    const check = () => {
      const seen = holding();
      if (seen.length > 0) afterRender().then(() => record(seen));
      if (pending.size > 0) requestAnimationFrame(check);
    };
    afterRender().then(() => {
      const seen = holding();
      if (seen.length > 0) record(seen);
      if (pending.size > 0) requestAnimationFrame(check);
    });
  });
}

/**
 * Whether the sidebar is complete: its summary says what was found (not "Scanning…") and, when
 * something was, the minimap shows where.
 */
function sidebarComplete(count) {
  const root = document.querySelector('article-highlighter-sidebar')?.shadowRoot;
  const summary = root?.querySelector('.summary')?.textContent ?? '';
  const ticks = root?.querySelector('.minimap')?.childElementCount ?? 0;
  return summary !== '' && !summary.startsWith('Scanning') && (count === 0 || ticks > 0);
}

/**
 * One reader's click: highlight(config) with every default (sidebar, observer, the article found
 * unless `root` is given), timed from the call to the end of the frame that first shows the
 * highlights ("highlights") and of the frame that first shows the sidebar complete ("sidebar").
 * The caller makes it as a frame starts (as timed() does), so that no wait for the next frame
 * is counted.
 */
async function click(highlight, config, root) {
  let session = null;
  let resolved = 0;
  const started = performance.now();
  const seen = seenAt({
    highlights: () => paintedMentions() > 0 || session?.count === 0,
    sidebar: () => session !== null && sidebarComplete(session.count),
  });
  session = await highlight(config, root ? { root: document.querySelector(root) } : {});
  resolved = performance.now() - started;
  const times = await seen;
  return {
    session,
    figures: { highlights: times.highlights - started, sidebar: times.sidebar - started, resolved, count: session.count },
  };
}

/**
 * The first click on this fresh page, cold: nothing of ours loaded but this probe, the shim's
 * module imported right before the call (as a bookmarklet does; the import starts as a frame
 * does), so the call finds the core not loaded (or still loading) and the config not compiled. Then remove(), and the second click on
 * the page that remove() restored, warm. `import` is the time the import took, before the call.
 */
export async function firstClick({ configUrl, root }) {
  const config = await fetchJson(configUrl);
  await settle();
  const before = document.body.innerHTML;
  await frameStart();
  const importStarted = performance.now();
  const { highlight } = await import('/article-highlighter.js');
  const imported = performance.now() - importStarted;
  const cold = await click(highlight, config, root);
  cold.session.remove();
  const restored = document.body.innerHTML === before;
  await settle();
  await frameStart();
  const warm = await click(highlight, config, root);
  warm.session.remove();
  return {
    cold: { ...cold.figures, import: imported },
    warm: warm.figures,
    restored: restored && document.body.innerHTML === before,
    left: paintedMentions(),
  };
}

/**
 * Where the first click's time goes, step by step as session.js takes them, on another fresh
 * page: each step timed alone (script), and for painting, the sidebar and the minimap the frame
 * that shows them (style, layout and paint: `paintFrame`, ...). Then the steps once more from
 * finding the article on, warm. The steps' sum is what the click would take done one after the
 * other in one go; the click itself may overlap or defer some of them.
 */
export async function firstClickSteps({ configUrl, root }) {
  const config = await fetchJson(configUrl);
  await settle();
  const cold = {};
  const step = async (into, name, work) => {
    const started = performance.now();
    const value = await work();
    into[name] = performance.now() - started;
    return value;
  };
  /** A step that changes what the page shows: its script, then the frame that shows it. */
  const shown = async (into, name, work) => {
    const { value, script, painted } = await timed(work);
    into[name] = script;
    into[`${name}Frame`] = painted - script;
    return value;
  };
  const wasm = new URL('/pkg/article_highlighter_bg.wasm', location.origin);
  const modules = await step(cold, 'import', () => Promise.all(
    ['pkg/article_highlighter.js', 'core.js', 'article.js', 'text.js', 'paint.js', 'sidebar.js', 'room.js'].map((path) => import(`/parts/${path}`)),
  ));
  const [, { loadCore, highlighterFor }, { findArticle, isBoilerplate }, { collectText }, { paint }, { openSidebar }, { makeRoom }] = modules;
  const compiled = await step(cold, 'load', () => WebAssembly.compileStreaming(fetch(wasm)));
  // The core's warm-up runs when the page is idle, never in a click (core.js).
  await step(cold, 'instantiate', () => loadCore(compiled));
  const highlighter = await step(cold, 'config', () => highlighterFor(config));
  const once = async (into) => {
    const article = await step(into, 'find', () => (root ? document.querySelector(root) : findArticle(document)));
    const model = await step(into, 'collect', () => collectText(article, root ? {} : { exclude: isBoilerplate }));
    const report = await step(into, 'scan', () => highlighter.scan(model.text));
    const painter = await shown(into, 'paint', () => paint(model, report));
    const noop = () => {};
    const room = makeRoom(document);
    const sidebar = await shown(into, 'sidebar', () => {
      let width = 0;
      const opened = openSidebar(document, { onSelect: noop, onFilter: noop, onExport: noop, onClose: noop, onLayout: (w) => { width = w; } }, report);
      room.set(width, article);
      return opened;
    });
    await shown(into, 'minimap', () => sidebar.setTicks(painter.ticks()));
    sidebar.remove();
    room.remove();
    painter.remove();
    await settle();
  };
  await once(cold);
  const warm = {};
  await once(warm);
  return { cold, warm };
}
