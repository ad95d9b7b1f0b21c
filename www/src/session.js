// One highlighting session on a page: collect the text, scan it, paint it, keep the sidebar in
// step with the reader's choices, explain a highlight under the pointer, and rescan when the page
// changes. Everything it adds it takes away again in remove(); on a pre-rendered page it takes the
// static highlights away first and puts them back then (prerendered.js).

import { findArticle, isBoilerplate } from './article.js';
import { partStarts, scanInParts } from './chunks.js';
import { FORMATS, aboutNames, download, namesOf, speakerName } from './export.js';
import { paint } from './paint.js';
import { takePrerendered } from './prerendered.js';
import { makeRoom } from './room.js';
import { openSidebar } from './sidebar.js';
import { OWN_UI, collectText } from './text.js';

/** How long the page must be quiet before a change is rescanned. */
const RESCAN_DELAY_MS = 400;
/**
 * The longest a change waits for the page to be quiet: a live clock or ticker in the article
 * may never be, and the article's late paragraphs must still be scanned.
 */
const RESCAN_MAX_WAIT_MS = 2000;

/** The longest the sidebar waits for the frame that shows the highlights. */
const FRAME_WAIT_MS = 500;

/**
 * Resolves once the page has shown what was just changed: after its next frame has been drawn,
 * or at once in a hidden tab, which draws none (and after FRAME_WAIT_MS whatever happens: a tab
 * hidden meanwhile draws no frame until it is shown again).
 */
function nextFrameShown(view) {
  return new Promise((resolve) => {
    if (view.document.visibilityState === 'hidden') {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    // A new observer reports in the very next frame, after its layout, even when the change was
    // made from that frame's own animation callbacks (where requestAnimationFrame would wait for
    // the frame after); a timer set then runs once that frame has been drawn.
    const observer = new view.ResizeObserver(() => {
      observer.disconnect();
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0);
    });
    observer.observe(view.document.documentElement);
  });
}

/** The reader's selection as a range, or an error saying to select something first. */
function selectedRange(doc) {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    throw new Error('select some text first: the highlighter was asked to scan the selection');
  }
  return selection.getRangeAt(0).cloneRange();
}

export class Session {
  /**
   * Starts a session: scans, paints, opens the sidebar. Rejects (leaving the page as it was) if
   * any of that fails.
   * @param {{scan(text: string): object|Promise<object>}|Promise<object>} scanner the compiled
   *   wasm Highlighter, or anything that answers a report for a text (the extension's content
   *   script asks its background worker); or a promise of one, awaited once the text is collected
   * @param {object} options see highlight() in article-highlighter.js
   */
  static async start(scanner, options) {
    const session = new Session(scanner, options);
    try {
      // Watching from the start: a change while the first scan runs is rescanned too.
      if (options.observe ?? true) session.observe();
      await session.rescan();
      if (session.sidebar) session.listenToPointer();
    } catch (error) {
      session.remove();
      throw error;
    }
    return session;
  }

  constructor(scanner, { root, selection = false, paint: mode = 'auto', sidebar = true, doc = document, lists = null }) {
    this.scanner = scanner;
    /**
     * The reader's lists, where the channel has them: `{names, active, switchTo(name),
     * addActor(fields)}`, the last two resolving to the scanner for the list now active (null:
     * nothing changed). See highlight() in article-highlighter.js.
     */
    this.lists = lists;
    this.fixedRoot = typeof root === 'string' ? doc.querySelector(root) : root ?? null;
    if (typeof root === 'string' && !this.fixedRoot) throw new Error(`no element matches the root selector ${JSON.stringify(root)}`);
    this.within = selection ? selectedRange(doc) : null;
    if (this.within) {
      const common = this.within.commonAncestorContainer;
      this.fixedRoot = common.nodeType === Node.ELEMENT_NODE ? common : common.parentElement;
    }
    this.mode = mode;
    this.doc = doc;
    // A pre-rendered page's static highlights and sidebar give way to this session's.
    this.prerendered = takePrerendered(doc);
    this.hidden = new Set();
    /** The element scanned last or being scanned, given or found. */
    this.article = null;
    this.painter = null;
    this.room = makeRoom(doc);
    /** The width the open sidebar takes at the right of the page. */
    this.sidebarWidth = 0;
    /** Opened once the first highlights are on screen (see rescan). */
    this.wantsSidebar = sidebar;
    this.sidebar = null;
    this.listeners = [];
    this.removed = false;
    /** Rescans started, so that only the latest paints. */
    this.generation = 0;
  }

  /**
   * Collects, scans and paints the text again (the page changed, or on first use). The first
   * time, the sidebar is built only once the page has shown the highlights: a reader sees them a
   * frame or two after the click, and the sidebar, a longer job, follows.
   */
  async rescan() {
    const generation = ++this.generation;
    // Marks are elements in the text, which collectText leaves out: they go first, or the text
    // would lose every mention already painted. Taking them out is no change of the page's, and
    // the page's changes until now are in the text collected next.
    if (this.painter?.mode === 'marks') {
      this.unpaint();
      this.observer?.takeRecords();
    }
    const article = this.fixedRoot ?? findArticle(this.doc);
    this.article = article;
    const model = collectText(article, this.fixedRoot ? { within: this.within } : { exclude: isBoilerplate });
    // A long text is scanned in parts (chunks.js): the sidebar opens first, to say how far it got.
    if (this.wantsSidebar && !this.sidebar && partStarts(model.text).length > 1) this.showSidebar(null);
    // Scan before painting: a failure here leaves the page as it was.
    const scanner = await this.scanner;
    const report = await scanInParts(scanner, model.text, (done) => this.sidebar?.progress(done));
    // A rescan started while this one scanned has the newer text, and paints it.
    if (this.removed || generation !== this.generation) return;
    this.unheard(() => {
      this.unpaint();
      this.painter = paint(model, report, this.mode);
      this.painter.setHidden(this.hidden);
    });
    this.model = model;
    this.report = report;
    if (this.wantsSidebar && !this.sidebar) {
      await nextFrameShown(this.doc.defaultView);
      if (this.removed || generation !== this.generation || this.sidebar) return;
      this.showSidebar(report);
      return;
    }
    this.sidebar?.render(report);
    this.makeRoom();
  }

  /**
   * Opens the sidebar, with `report` listed (or none yet), then makes room for it and places the
   * minimap's ticks: the page is laid out once for all three.
   */
  showSidebar(report) {
    this.sidebar = this.openSidebar(report);
    this.makeRoom();
  }

  /**
   * Keeps the article clear of the open sidebar (room.js), then puts the minimap's ticks where
   * the mentions now are.
   */
  makeRoom() {
    this.room.set(this.sidebarWidth, this.article);
    this.updateTicks();
  }

  openSidebar(report) {
    return openSidebar(this.doc, {
      onSelect: (kind, index) => this.painter?.focus(kind, index),
      onFilter: (hidden) => {
        this.hidden = hidden;
        this.unheard(() => this.painter?.setHidden(hidden));
        this.updateTicks();
      },
      onExport: (format) => {
        const { render, type, extension } = FORMATS[format];
        const page = { title: this.doc.title, url: this.doc.location.href };
        download(this.doc, render(this.report, page), `article-highlighter.${extension}`, type);
      },
      onClose: () => this.remove(),
      lists: this.lists && { names: this.lists.names, active: this.lists.active },
      onSwitchList: (name) => this.useList(() => this.lists.switchTo(name)),
      onAddActor: this.lists && ((fields) => this.useList(() => this.lists.addActor(fields))),
      onLayout: (width) => {
        this.sidebarWidth = width;
        // While it opens, showSidebar makes the room once it is open.
        if (this.sidebar) this.makeRoom();
      },
    }, report);
  }

  /**
   * Rescans with the list `change` makes active (another list chosen, an actor added), at once;
   * a change that fails is reported in the sidebar and leaves the page as it was.
   */
  async useList(change) {
    try {
      const scanner = await change();
      if (this.removed) return;
      this.sidebar?.setLists({ names: this.lists.names, active: this.lists.active });
      if (!scanner) return;
      this.scanner = scanner;
      await this.rescan();
    } catch (error) {
      console.error(`Article Highlighter: ${error.message}`);
      this.sidebar?.notice(error.message);
    }
  }

  updateTicks() {
    if (this.sidebar && this.painter) this.sidebar.setTicks(this.painter.ticks());
  }

  /** What a tooltip says about an entry. */
  describe({ kind, index }) {
    const names = namesOf(this.report);
    if (kind === 'mention') {
      const actor = this.report.actors.find((a) => a.id === this.report.mentions[index].actor);
      return [[actor.name, `· ${actor.kind} · ${actor.count} mentions`]];
    }
    const q = this.report.quotes[index];
    if (q.kind !== 'statement') return [[q.kind === 'title' ? 'Title' : 'Quoted term']];
    const speaker = speakerName(q, names) || 'Unattributed';
    const lines = [[speaker, q.cue ? `— “${q.cue.text}”` : '']];
    const about = aboutNames(q, names);
    if (about.length) lines.push(['About', about.join(', ')]);
    if (q.rule) lines.push(['Rule', `${q.rule}, confidence ${q.confidence}`]);
    return lines;
  }

  listenToPointer() {
    const view = this.doc.defaultView;
    const ours = (e) => e.composedPath().includes(this.sidebar.host);
    let frame = 0;
    const hover = (e) => {
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        const entry = ours(e) ? null : this.painter?.entryAt(e.clientX, e.clientY, e.target);
        this.sidebar.setTip(entry ? this.describe(entry) : null, e.clientX, e.clientY);
      });
    };
    // A frame still pending when the session ends must not run.
    this.listeners.push(() => view.cancelAnimationFrame(frame));
    const click = (e) => {
      if (ours(e)) return;
      const entry = this.painter?.entryAt(e.clientX, e.clientY, e.target);
      if (entry) this.sidebar.reveal(entry.kind, entry.index);
    };
    // Passive listeners that never stop or prevent anything: the page's own handlers run as before.
    this.listen(this.doc, 'mousemove', hover);
    this.listen(this.doc, 'click', click);
  }

  listen(target, type, handler) {
    target.addEventListener(type, handler, { passive: true });
    this.listeners.push(() => target.removeEventListener(type, handler, { passive: true }));
  }

  /**
   * Rescans when the article's text changes (late-loading articles, infinite scroll). Outside
   * the article only elements coming or going count, and only when the article was found rather
   * than given: the page may be putting its article in place, where a clock or a ticker
   * changing its text cannot change the article.
   */
  observe() {
    const isElement = (node) => node.nodeType === Node.ELEMENT_NODE;
    const isOurs = (node) => isElement(node) && node.hasAttribute(OWN_UI);
    const relevant = (record) => {
      if (isElement(record.target) && record.target.closest(`[${OWN_UI}]`)) return false;
      const nodes = [...record.addedNodes, ...record.removedNodes];
      if (this.article?.contains(record.target)) return record.type === 'characterData' || nodes.some((n) => !isOurs(n));
      return !this.fixedRoot && nodes.some((n) => isElement(n) && !isOurs(n));
    };
    let timer = 0;
    let waitingSince = 0;
    const rescan = () => {
      waitingSince = 0;
      this.rescan().catch((error) => console.error(`Article Highlighter: ${error.message}`));
    };
    this.heard = (records) => {
      if (!records.some(relevant)) return;
      clearTimeout(timer);
      const now = performance.now();
      waitingSince ||= now;
      timer = setTimeout(rescan, Math.min(RESCAN_DELAY_MS, waitingSince + RESCAN_MAX_WAIT_MS - now));
    };
    this.observer = new MutationObserver(this.heard);
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    this.listeners.push(() => clearTimeout(timer));
  }

  /**
   * Makes our own change to the page (marks going in or out) without the observer taking it for
   * the page's. What the page changed before it, and the observer has not handled yet (it may
   * have happened while a scan was under way), still counts.
   */
  unheard(change) {
    const earlier = this.observer?.takeRecords() ?? [];
    try {
      change();
    } finally {
      this.observer?.takeRecords();
      if (earlier.length > 0) this.heard(earlier);
    }
  }

  /** Takes the highlights away, if any. */
  unpaint() {
    this.painter?.remove();
    this.painter = null;
  }

  remove() {
    this.removed = true;
    this.observer?.disconnect();
    this.observer = null;
    for (const stop of this.listeners.splice(0)) stop();
    this.sidebar?.remove();
    this.sidebar = null;
    this.room.remove();
    this.unpaint();
    this.prerendered?.restore();
    this.prerendered = null;
  }
}
