// Exporting what a scan found, for a reader's notes: JSON (everything), CSV (one row per mention
// or quote, for a spreadsheet) and Markdown (a readable summary). Each names the page it came from.
// Page text is data here, never markup: CSV cells are quoted, Markdown special characters escaped.

/** The names of a report's actors and people (the core keeps their ids apart), by id. */
export function namesOf(report) {
  return new Map([...report.actors, ...report.people].map((who) => [who.id, who.name]));
}

/**
 * The speaker of a quote as a reader would name it, `names` from namesOf: an actor's or a
 * person's name ("Jane Smith" for a later "Smith" or "she"), else the words that name them.
 */
export function speakerName(quote, names) {
  const s = quote.speaker;
  if (!s) return '';
  const id = s.actor ?? s.person;
  if (id) return names.get(id) ?? id;
  return (s.refers_to ?? s).text;
}

/** Whom a quote is about, by name: the actors and people it names, each once, in order. */
export function aboutNames(quote, names) {
  return [...new Set(quote.about.map((a) => names.get(a.actor ?? a.person) ?? a.text))];
}

function flat(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * JSON.stringify(value, null, indent) as the value is written. A page may have given arrays or
 * objects a `toJSON` (Prototype.js makes every array a string of JSON), which JSON.stringify
 * would call; its replacer then hands back each value as it is, and JSON.stringify calls no
 * `toJSON` on what a replacer returns. Only then: a replacer costs a call for every value.
 */
export function jsonOf(value, indent) {
  const rewritten = 'toJSON' in Array.prototype || 'toJSON' in Object.prototype;
  return JSON.stringify(value, rewritten ? function asWritten(key) { return this[key]; } : null, indent);
}

/** Everything, as pretty-printed JSON. */
export function toJSON(report, page) {
  return `${jsonOf({ title: page.title, url: page.url, ...report }, 2)}\n`;
}

function csvCell(value) {
  const text = String(value ?? '');
  // A leading = + - @ would be read as a formula by spreadsheets: prefix it to keep it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per mention and per quote, after a header; offsets in UTF-16 code units. */
export function toCSV(report, page) {
  const names = namesOf(report);
  const rows = [['page_title', 'page_url', 'type', 'actor_or_speaker', 'text', 'start', 'end', 'kind', 'cue', 'rule', 'about']];
  for (const m of report.mentions) {
    rows.push([page.title, page.url, 'mention', names.get(m.actor) ?? m.actor, m.text, m.start, m.end, '', '', '', '']);
  }
  for (const q of report.quotes) {
    rows.push([page.title, page.url, 'quote', speakerName(q, names), flat(q.text), q.start, q.end, q.kind, q.cue?.text ?? '', q.rule ?? '',
      aboutNames(q, names).join('; ')]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Text that Markdown (CommonMark and GitHub's) shows as written: no emphasis, strikethrough, code,
 * links, HTML, character references or table cells from page text, and where the text starts a
 * line, no list, block quote or heading. Every escape is a backslash before ASCII punctuation,
 * which shows the character alone wherever it stands, so the text may start a line or not.
 */
function md(text) {
  return flat(text)
    .replace(/[\\`*_~[\]<>|#&]/g, '\\$&')
    // A bullet or a number that would start a list item; `*`, `>` and `#` are escaped above.
    .replace(/^[-+]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A readable summary: actors with counts, then quotes grouped by speaker. */
export function toMarkdown(report, page) {
  const names = namesOf(report);
  const lines = [`# ${md(page.title || page.url)}`, '', `<${page.url}>`, '', '## Actors', ''];
  const found = report.actors.filter((a) => a.count > 0);
  if (found.length === 0) lines.push('No configured actor is mentioned.');
  for (const a of found) lines.push(`- ${md(a.name)} (${a.kind}): ${a.count}`);
  lines.push('', '## Quotes', '');
  const groups = new Map();
  for (const q of report.quotes.filter((x) => x.kind === 'statement')) {
    const who = speakerName(q, names) || 'Unattributed';
    if (!groups.has(who)) groups.set(who, []);
    groups.get(who).push(q);
  }
  if (groups.size === 0) lines.push('No quoted statements.');
  for (const [who, quotes] of groups) {
    lines.push(`### ${md(who)}`, '');
    for (const q of quotes) {
      lines.push(`> ${md(q.text)}${q.cue ? ` — ${md(q.cue.text)}` : ''}`, '');
      const about = aboutNames(q, names);
      if (about.length) lines.push(`About: ${about.map(md).join(', ')}`, '');
    }
  }
  const terms = report.quotes.filter((q) => q.kind !== 'statement');
  if (terms.length) lines.push('## Quoted terms and titles', '', ...terms.map((q) => `- ${md(q.text)}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

export const FORMATS = {
  json: { render: toJSON, type: 'application/json', extension: 'json' },
  csv: { render: toCSV, type: 'text/csv', extension: 'csv' },
  markdown: { render: toMarkdown, type: 'text/markdown', extension: 'md' },
};

/** Offers `text` to the reader as a file download (no network involved). */
export function download(doc, text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
