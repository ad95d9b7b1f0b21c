// The sidebar: a reading companion beside the article. Actors grouped by kind with counts, a
// filter and next/previous for each; quotes grouped by speaker; who said what about whom (a view
// loaded when opened, who-about-whom.js); search; export; a minimap of where mentions fall, beside
// the scrollbar.
//
// It lives in a shadow root so the page's CSS cannot restyle it, is styled by a constructed
// stylesheet (allowed under a page's `style-src`), and is built with DOM methods and textContent
// only: page text is never parsed as HTML. It holds the reader's choices (what is hidden, where
// they are in the mentions, its width) and tells its owner through callbacks; it never touches
// the page itself.

import { builder } from './dom.js';
import { KIND_WORDS } from './kinds.js';
import { namesOf, speakerName } from './export.js';
import { actorFromName, unlistedSpeakers } from './speakers.js';
import { OWN_UI, takeOut } from './text.js';
import CSS_TEXT from './sidebar.css';



/**
 * Below this viewport width the sidebar starts collapsed, so it never covers the article, and
 * opened it stands over the page (making room beside it would leave the article too narrow).
 */
const NARROW = 900;
/**
 * Entries one list shows at most. A huge page can have tens of thousands of quotes, and laying
 * out that many buttons takes the browser seconds; the exports still list every one.
 */
const LISTED = 200;
const MIN_WIDTH = 260;

/** Shortens `text` to at most `max` characters at a word boundary. */
function clip(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function plural(n, one, many) {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/**
 * A count as a reader writes it: 13,800. Not toLocaleString('en'): its first call loads the
 * engine's number formats, some 15 ms of a reader's first click.
 */
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Our own element in the page, with a shadow root the page's CSS cannot reach. */
function createHost(doc) {
  const host = doc.createElement('article-highlighter-sidebar');
  host.setAttribute(OWN_UI, 'sidebar');
  // Inline !important beats any page rule (`* { display: none !important }`), so the page's CSS
  // cannot reach the sidebar through its host.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  shadow.adoptedStyleSheets = [sheet];
  return { host, shadow };
}

/**
 * Says in one sentence, where the sidebar would be, that highlighting failed; the page is left
 * as it was. Returns {host, remove()}.
 */
export function showError(doc, message) {
  const { host, shadow } = createHost(doc);
  const el = builder(doc);
  const panel = el('aside', { class: 'panel error', role: 'alert', 'aria-label': 'Article Highlighter' },
    el('header', {}, el('div', { class: 'titlebar' },
      el('div', { class: 'titles' }, el('h1', { text: 'Article Highlighter' }),
        el('p', { class: 'summary', text: `Nothing was highlighted: ${message}` })),
      el('button', { class: 'icon', 'aria-label': 'Close', title: 'Close', text: '×', onclick: () => takeOut(host) }))));
  shadow.append(el('div', { class: 'frame' }, panel));
  doc.body.append(host);
  return { host, remove: () => takeOut(host) };
}

/**
 * Opens the sidebar.
 * @param {Document} doc
 * @param {object} handlers
 * @param {(kind: 'mention'|'quote', index: number) => void} handlers.onSelect go to an entry
 * @param {(hidden: Set<string>) => void} handlers.onFilter the actor ids to hide changed
 * @param {(format: 'json'|'csv'|'markdown') => void} handlers.onExport
 * @param {() => void} handlers.onClose
 * @param {{names: string[], active: string}|null} [handlers.lists] the reader's actor lists, to
 *   switch between in the header; null where the channel has a single list
 * @param {(name: string) => void} [handlers.onSwitchList] the reader chose another list
 * @param {((actor: {name: string, kind: string, aliases: string[]}) => void)|null} [handlers.onAddActor]
 *   the reader asked to add a name (an unlisted speaker, or text selected on the page) to their
 *   list; without it the sidebar offers no such button
 * @param {(width: number) => void} handlers.onLayout the page's layout may have changed (the
 *   window was resized; the sidebar opened, collapsed or changed width): `width` is what it takes
 *   at the right of the page now: the open panel or the collapsed tab, from its left edge (0 for
 *   the panel on narrow screens, where it opens over the page only when asked)
 * @param {object|null} [report] listed before the sidebar goes into the page, so that the page
 *   lays it out once, whole
 */
export function openSidebar(doc, { onSelect, onFilter, onExport, onClose, onLayout, lists = null, onSwitchList, onAddActor = null }, report = null) {
  const view = doc.defaultView;
  const { host, shadow } = createHost(doc);
  const el = builder(doc);
  const swatch = (color) => {
    const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    s.style.setProperty('background', color);
    return s;
  };

  // The reader's state, kept across re-renders (a rescan of a changing page re-renders).
  const state = { hidden: new Set(), hiddenKinds: new Set(), query: '', current: -1, perActor: new Map(), report: null, aboutOpen: false };

  const frame = el('div', { class: 'frame' });
  const minimap = el('div', { class: 'minimap', 'aria-hidden': 'true' });
  const panel = el('aside', { class: 'panel', role: 'complementary', 'aria-label': 'Article Highlighter' });
  const tabLabel = el('span');
  const tab = el('button', { class: 'tab', 'aria-label': 'Open the Article Highlighter sidebar' }, tabLabel);
  const tip = el('div', { class: 'tip', role: 'tooltip', hidden: '' });
  frame.append(minimap, panel, tab, tip);
  shadow.append(frame);

  const tellLayout = () => {
    if (!host.isConnected) return;
    // Collapsed, the tab keeps its own strip; open on a narrow screen, the panel stands over the
    // page, as the reader asked.
    const collapsed = frame.classList.contains('collapsed');
    const edge = collapsed ? tab : view.innerWidth >= NARROW ? panel : null;
    onLayout(edge ? doc.documentElement.clientWidth - edge.getBoundingClientRect().left : 0);
  };
  const setCollapsed = (collapsed) => {
    frame.classList.toggle('collapsed', collapsed);
    tellLayout();
    if (!collapsed) panel.querySelector('input')?.focus({ preventScroll: true });
  };
  tab.addEventListener('click', () => setCollapsed(false));

  // Leave the page's scrollbar visible: the frame sits left of it.
  const placeBesideScrollbar = () => {
    const gutter = Math.max(0, view.innerWidth - doc.documentElement.clientWidth);
    frame.style.setProperty('--gutter', `${gutter}px`);
  };
  // A window being resized fires this many times a second; the layout is told once it settles.
  let resizing = 0;
  const resized = () => {
    placeBesideScrollbar();
    clearTimeout(resizing);
    resizing = setTimeout(tellLayout, 200);
  };

  const resize = el('div', { class: 'resize', role: 'separator', 'aria-orientation': 'vertical', 'aria-label': 'Resize the sidebar', tabindex: '0' });
  const setWidth = (px) => {
    const max = Math.max(MIN_WIDTH, Math.min(720, view.innerWidth * 0.7));
    frame.style.setProperty('--width', `${Math.round(Math.min(max, Math.max(MIN_WIDTH, px)))}px`);
    tellLayout();
  };
  resize.addEventListener('pointerdown', (e) => {
    resize.setPointerCapture(e.pointerId);
    const right = panel.getBoundingClientRect().right;
    const move = (m) => setWidth(right - m.clientX);
    const up = () => {
      resize.removeEventListener('pointermove', move);
      resize.removeEventListener('pointerup', up);
    };
    resize.addEventListener('pointermove', move);
    resize.addEventListener('pointerup', up);
  });
  resize.addEventListener('keydown', (e) => {
    const step = { ArrowLeft: 20, ArrowRight: -20 }[e.key];
    if (step) {
      e.preventDefault();
      setWidth(panel.getBoundingClientRect().width + step);
    }
  });

  const summary = el('p', { class: 'summary' });
  const listChoice = el('select', { class: 'lists', 'aria-label': 'Actor list' });
  listChoice.addEventListener('change', () => onSwitchList(listChoice.value));
  /** Shows the reader's lists, `active` chosen. */
  function setLists({ names, active }) {
    listChoice.replaceChildren(...names.map((name) => el('option', { value: name, text: name })));
    listChoice.value = active;
  }
  if (lists) setLists(lists);
  // The page's selection, read as the button is pressed: by the click, focus has moved here.
  let picked = '';
  const pickSelection = () => {
    picked = doc.getSelection()?.toString().replace(/\s+/g, ' ').trim() ?? '';
  };
  const addSelection = onAddActor && el('button', {
    class: 'small', text: 'Add to actors', title: 'Add to actors: the name selected on the page',
    'aria-label': 'Add to actors: the name selected on the page',
    onpointerdown: pickSelection,
    onclick: () => {
      if (!picked) pickSelection();
      if (picked) onAddActor(actorFromName(picked.slice(0, 200)));
      else summary.textContent = 'Select a name on the page first, then press “Add to actors”.';
      picked = '';
    },
  });
  const search = el('input', { type: 'search', placeholder: 'Search actors and quotes', 'aria-label': 'Search actors and quotes' });
  const position = el('span', { class: 'position', 'aria-live': 'polite' });
  // Actors hidden one by one or with their kind.
  let hiddenNow = new Set();
  const visibleMentions = () => state.report.mentions.flatMap((m, i) => (hiddenNow.has(m.actor) ? [] : [i]));
  const showPosition = () => {
    const order = visibleMentions();
    const at = order.indexOf(state.current);
    position.textContent = `${at === -1 ? '–' : thousands(at + 1)} of ${thousands(order.length)}`;
  };
  const stepAll = (delta) => {
    const order = visibleMentions();
    if (order.length === 0) return;
    const at = order.indexOf(state.current);
    const next = order[(at === -1 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length)];
    go(next);
  };
  const header = el('header', {},
    el('div', { class: 'titlebar' },
      el('div', { class: 'titles' }, el('h1', { text: 'Article Highlighter' }), summary),
      el('button', { class: 'icon', 'aria-label': 'Collapse the sidebar', title: 'Collapse', text: '⇥', onclick: () => setCollapsed(true) }),
      el('button', { class: 'icon', 'aria-label': 'Close the highlighter', title: 'Close', text: '×', onclick: () => onClose() })),
    el('div', { class: 'tools' }, search,
      el('div', { class: 'nav', role: 'group', 'aria-label': 'All mentions' },
        el('button', { class: 'step', 'aria-label': 'Previous mention (p)', title: 'Previous mention (p)', text: '‹', onclick: () => stepAll(-1) }),
        position,
        el('button', { class: 'step', 'aria-label': 'Next mention (n)', title: 'Next mention (n)', text: '›', onclick: () => stepAll(1) }))),
    lists || addSelection ? el('div', { class: 'exports' }, lists ? el('label', { class: 'listlabel' }, 'List', listChoice) : null, addSelection) : null,
    el('div', { class: 'exports', role: 'group', 'aria-label': 'Export' }, 'Export',
      ...[['json', 'JSON'], ['csv', 'CSV'], ['markdown', 'Markdown']].map(([format, label]) => el('button', {
        class: 'small', 'data-export': format, 'aria-label': `Export as ${label}`, text: label, onclick: () => onExport(format),
      }))));
  const body = el('div', { class: 'body' });
  panel.append(resize, header, body);

  /** Shows that the reader is at mention `index`. */
  function markCurrent(index) {
    state.current = index;
    const mention = state.report.mentions[index];
    showPosition();
    const mine = state.report.mentions.flatMap((m, i) => (m.actor === mention.actor ? [i] : []));
    state.perActor.set(mention.actor, mine.indexOf(index));
    const count = body.querySelector(`li[data-actor="${CSS.escape(mention.actor)}"] .count`);
    if (count) count.textContent = `${mine.indexOf(index) + 1} of ${mine.length}`;
  }

  /** Goes to mention `index`. */
  function go(index) {
    markCurrent(index);
    onSelect('mention', index);
  }

  function stepActor(id, delta) {
    const mine = state.report.mentions.flatMap((m, i) => (m.actor === id ? [i] : []));
    if (mine.length === 0) return;
    const at = state.perActor.get(id) ?? -1;
    go(mine[at === -1 && delta < 0 ? mine.length - 1 : (at + delta + mine.length) % mine.length]);
  }

  function applyFilter() {
    const hidden = new Set(state.hidden);
    for (const a of state.report.actors) if (state.hiddenKinds.has(a.kind)) hidden.add(a.id);
    hiddenNow = hidden;
    showPosition();
    for (const li of body.querySelectorAll('li.actor')) {
      const off = hidden.has(li.dataset.actor);
      li.classList.toggle('hidden', off);
      li.querySelector('input').checked = !off;
    }
    onFilter(hidden);
  }

  function applySearch() {
    const q = state.query.trim().toLowerCase();
    for (const item of body.querySelectorAll('[data-search]')) {
      item.hidden = q !== '' && !item.dataset.search.includes(q);
    }
    for (const group of body.querySelectorAll('.group')) {
      group.hidden = q !== '' && group.querySelectorAll('[data-search]:not([hidden])').length === 0;
    }
  }
  search.addEventListener('input', () => {
    state.query = search.value;
    applySearch();
  });

  function renderActors(report) {
    const found = report.actors.filter((a) => a.count > 0);
    body.append(el('h2', { text: 'Actors' }));
    if (found.length === 0) body.append(el('p', { class: 'empty', text: 'No configured actor is mentioned.' }));
    for (const [kind, , heading] of KIND_WORDS) {
      const actors = found.filter((a) => a.kind === kind);
      if (actors.length === 0) continue;
      const kindBox = el('input', { type: 'checkbox', class: 'check', 'aria-label': `Show ${heading.toLowerCase()}` });
      kindBox.checked = !state.hiddenKinds.has(kind);
      kindBox.addEventListener('change', () => {
        if (kindBox.checked) state.hiddenKinds.delete(kind);
        else state.hiddenKinds.add(kind);
        applyFilter();
      });
      const total = actors.reduce((n, a) => n + a.count, 0);
      const list = el('ul', { role: 'list', 'aria-label': heading });
      for (const actor of actors) {
        const box = el('input', { type: 'checkbox', class: 'check', 'aria-label': `Show ${actor.name}` });
        box.checked = !state.hidden.has(actor.id);
        box.addEventListener('change', () => {
          if (box.checked) state.hidden.delete(actor.id);
          else state.hidden.add(actor.id);
          applyFilter();
        });
        const at = state.perActor.get(actor.id);
        const count = el('span', { class: 'count', text: at == null ? String(actor.count) : `${at + 1} of ${actor.count}` });
        const entry = el('button', {
          class: 'entry', 'aria-label': `${actor.name}, ${plural(actor.count, 'mention', 'mentions')}. Enter: next, Shift+Enter: previous`,
          onclick: (e) => stepActor(actor.id, e.shiftKey ? -1 : 1),
        }, swatch(actor.color), el('span', { class: 'name', text: actor.name }), count);
        list.append(el('li', { class: 'actor', 'data-actor': actor.id, 'data-search': actor.name.toLowerCase() },
          box, entry,
          el('button', { class: 'step', 'aria-label': `Previous mention of ${actor.name}`, text: '‹', onclick: () => stepActor(actor.id, -1) }),
          el('button', { class: 'step', 'aria-label': `Next mention of ${actor.name}`, text: '›', onclick: () => stepActor(actor.id, 1) })));
      }
      body.append(el('section', { class: 'group', 'data-kind': kind },
        el('h3', {}, el('label', {}, kindBox, heading), el('span', { class: 'count', text: String(total) })), list));
    }
  }

  function renderQuotes(report) {
    const names = namesOf(report);
    const colors = new Map(report.actors.map((a) => [a.id, a.color]));
    const quotes = report.quotes.map((q, index) => ({ q, index }));
    const statements = quotes.filter(({ q }) => q.kind === 'statement');
    body.append(el('h2', { text: 'Quotes' }));
    const groups = new Map();
    for (const item of statements) {
      const label = speakerName(item.q, names);
      if (!groups.has(label)) groups.set(label, []);
      groups.get(label).push(item);
    }
    const ordered = [...groups.keys()].sort((a, b) => (a === '') - (b === '') || groups.get(b).length - groups.get(a).length);
    for (const label of ordered) {
      const items = groups.get(label);
      const actor = items[0].q.speaker?.actor;
      const list = el('ul', { role: 'list', 'aria-label': `Quotes of ${label || 'unattributed speakers'}` });
      for (const { q, index } of items.slice(0, LISTED)) {
        const text = q.pieces.map((p) => p.text).join(' … ');
        list.append(el('li', { 'data-search': `${label} ${text}`.toLowerCase() }, el('button', {
          class: 'entry quote', 'data-quote': String(index), onclick: () => onSelect('quote', index),
        }, el('q', { text: clip(text, 220) }), q.cue ? el('span', { class: 'cue', text: `— ${q.cue.text}` }) : null)));
      }
      body.append(el('section', { class: 'speaker group', 'data-speaker': label },
        el('h3', {}, actor ? swatch(colors.get(actor)) : null, el('span', { text: label || 'Unattributed' }),
          el('span', { class: 'count', text: String(items.length) })), list, notListed(items)));
    }
    if (statements.length === 0) body.append(el('p', { class: 'empty', text: 'No quoted statements.' }));

    // Scare quotes and titles are listed apart: nobody is quoted saying them.
    for (const [kind, heading] of [['term', 'Quoted terms'], ['title', 'Titles']]) {
      const items = quotes.filter(({ q }) => q.kind === kind);
      if (items.length === 0) continue;
      body.append(el('h2', { text: heading }));
      const line = el('div', { class: 'terms group' });
      items.slice(0, LISTED).forEach(({ q, index }, i) => {
        if (i) line.append(', ');
        line.append(el('button', {
          class: `entry ${kind}`, 'data-quote': String(index), 'data-search': q.text.toLowerCase(), text: clip(q.text, 60),
          onclick: () => onSelect('quote', index),
        }));
      });
      body.append(line);
      const more = notListed(items);
      if (more) body.append(more);
    }
  }

  /**
   * The who-about-whom view's heading, where some named speaker's statement names an actor; the
   * view itself (who-about-whom.js) is loaded when the reader opens it, and stays open across
   * rescans.
   */
  function renderWhoAboutWhom(report) {
    if (!report.quotes.some((q) => q.kind === 'statement' && (q.speaker?.actor ?? q.speaker?.person) && q.about.some((a) => a.actor))) return;
    const place = el('div');
    const toggle = el('button', { 'aria-expanded': String(state.aboutOpen), text: 'Who about whom' });
    const show = async () => {
      toggle.setAttribute('aria-expanded', String(state.aboutOpen));
      if (!state.aboutOpen) return place.replaceChildren();
      const { whoAboutWhomView } = await import('./who-about-whom.js');
      if (state.report !== report || !state.aboutOpen) return;
      place.replaceChildren(whoAboutWhomView(el, shadow, report, onSelect));
      applySearch();
    };
    toggle.addEventListener('click', () => {
      state.aboutOpen = !state.aboutOpen;
      show();
    });
    body.append(el('h2', {}, toggle), place);
    if (state.aboutOpen) show();
  }

  /** People quoted on the page who are not on the list, each with a button to add them. */
  function renderUnlisted(report) {
    const speakers = unlistedSpeakers(report);
    if (!onAddActor || speakers.length === 0) return;
    body.append(el('h2', { text: 'Unlisted speakers' }));
    const list = el('ul', { role: 'list', 'aria-label': 'Unlisted speakers' });
    for (const { name, quotes } of speakers.slice(0, LISTED)) {
      list.append(el('li', { class: 'unlisted', 'data-search': name.toLowerCase(), 'data-unlisted': name },
        el('span', { class: 'name', text: name }), el('span', { class: 'count', text: String(quotes), title: plural(quotes, 'quote', 'quotes') }),
        el('button', { class: 'small', text: 'Add as actor', 'aria-label': `Add ${name} as an actor`, onclick: () => onAddActor(actorFromName(name)) })));
    }
    body.append(el('section', { class: 'group' }, list, notListed(speakers)));
  }

  /** The line saying how many of `items` a list leaves out, if any. */
  function notListed(items) {
    const more = items.length - LISTED;
    return more > 0 ? el('p', { class: 'empty', text: `and ${thousands(more)} more: the exports list every one` }) : null;
  }

  // Keys inside the sidebar: n/p step through mentions, / searches, arrows move between entries,
  // Escape collapses. The page never sees them (they stay in the shadow root's handlers).
  panel.addEventListener('keydown', (e) => {
    if (e.target === search) {
      if (e.key === 'Escape') search.blur();
      return;
    }
    if (e.target === listChoice) return;
    const entries = [...body.querySelectorAll('button.entry')].filter((b) => b.offsetParent !== null);
    const at = entries.indexOf(shadow.activeElement);
    if (e.key === 'n' || e.key === 'p') stepAll(e.key === 'n' ? 1 : -1);
    else if (e.key === '/') search.focus();
    else if (e.key === 'Escape') setCollapsed(true);
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && entries.length) {
      entries[Math.max(0, Math.min(entries.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
    } else return;
    e.preventDefault();
  });

  function render(report) {
    state.report = report;
    const found = report.actors.filter((a) => a.count > 0).length;
    const statements = report.quotes.filter((q) => q.kind === 'statement').length;
    summary.textContent = `${plural(report.mentions.length, 'mention', 'mentions')} of ${plural(found, 'actor', 'actors')} · ${plural(statements, 'quote', 'quotes')}`;
    tabLabel.textContent = `AH · ${report.mentions.length}`;
    if (state.current >= report.mentions.length) state.current = -1;
    body.replaceChildren();
    renderActors(report);
    renderQuotes(report);
    renderWhoAboutWhom(report);
    renderUnlisted(report);
    applySearch();
    applyFilter();
  }

  /**
   * Marks where mentions and quotes fall, as fractions of the page height: the first of each
   * kind and colour in every thousandth of the page, which is finer than the minimap can show
   * and keeps a huge page's hundreds of thousands of mentions to a few thousand ticks.
   * @param {{kind: string, index: number, at: number, color: string}[]} ticks
   */
  function setTicks(ticks) {
    const firsts = new Map();
    for (const tick of ticks) {
      const key = `${tick.kind} ${tick.color} ${Math.round(tick.at * 1000)}`;
      if (!firsts.has(key)) firsts.set(key, tick);
    }
    const shown = doc.createDocumentFragment();
    for (const { kind, index, at, color } of firsts.values()) {
      const tick = el('div', { class: `tick ${kind}`, onclick: () => (kind === 'mention' ? go(index) : onSelect(kind, index)) });
      tick.style.setProperty('top', `${(at * 100).toFixed(3)}%`);
      if (color) tick.style.setProperty('background', color);
      shown.append(tick);
    }
    minimap.replaceChildren(shown);
  }

  /** Shows `lines` ([strong, rest] pairs) next to the point (x, y); `null` hides it. */
  function setTip(lines, x = 0, y = 0) {
    if (!lines) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(...lines.flatMap(([strong, rest], i) => [i ? el('br') : null, el('strong', { text: strong }), rest ? ` ${rest}` : null].filter(Boolean)));
    tip.hidden = false;
    const box = tip.getBoundingClientRect();
    tip.style.setProperty('left', `${Math.max(4, Math.min(x + 12, view.innerWidth - box.width - 24))}px`);
    tip.style.setProperty('top', `${y + 18 + box.height > view.innerHeight ? y - box.height - 10 : y + 18}px`);
  }

  /** Says how much of a long text is scanned so far (`done` from 0 to 1); render() replaces it. */
  function progress(done) {
    summary.textContent = `Scanning a long page… ${Math.floor(done * 100)} %`;
  }

  /** Marks the sidebar entry for a highlight the reader clicked in the page. */
  function reveal(kind, index) {
    setCollapsed(false);
    for (const old of body.querySelectorAll('.current')) old.classList.remove('current');
    const target = kind === 'quote'
      ? body.querySelector(`[data-quote="${index}"]`)
      : body.querySelector(`li[data-actor="${CSS.escape(state.report.mentions[index].actor)}"]`);
    target?.classList.add('current');
    target?.scrollIntoView({ block: 'nearest' });
    if (kind === 'mention') markCurrent(index);
  }

  view.addEventListener('resize', resized);
  frame.classList.toggle('collapsed', view.innerWidth < NARROW);
  if (report) render(report);
  // Into the page before anything is measured: WebKit, made to lay the page out while the host
  // is not in it yet, goes on styling the shadow tree without its sheet for a while after, and
  // the panel would measure as an unstyled block.
  doc.body.append(host);
  placeBesideScrollbar();
  setWidth(340);
  return {
    host,
    render,
    setLists,
    /** Says something in the header, where the summary is, until the next render. */
    notice(text) {
      summary.textContent = text;
    },
    progress,
    setTicks,
    setTip,
    reveal,
    remove() {
      view.removeEventListener('resize', resized);
      clearTimeout(resizing);
      takeOut(host);
    },
  };
}
