// The editor's styles, as text for a constructed stylesheet: it is adopted by the document of a
// page of ours and by the shadow root of the dialog it opens in over a news page, where a page's
// `style-src` would block a <style> element but not an adopted sheet.

/** The height of one actor's row in pixels: fixed, so that rows can be laid out by index. */
export const ROW_HEIGHT = 104;

export const EDITOR_CSS = `
.ah-editor { --line: #d0d7de; --muted: #57606a; --bg: #ffffff; --head: #f6f8fa; --bad: #cf222e; --focus: #0969da;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; color-scheme: light dark; }
.ah-editor * { box-sizing: border-box; }
.ah-editor button, .ah-editor input, .ah-editor select, .ah-editor textarea { font: inherit; color: inherit; }
.ah-editor button { padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--head); cursor: pointer; }
.ah-editor button:disabled { opacity: 0.55; cursor: default; }
.ah-editor :focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.ah-editor input[type=text], .ah-editor input[type=search], .ah-editor select, .ah-editor textarea {
  border: 1px solid var(--line); border-radius: 6px; padding: 3px 6px; background: var(--bg); min-width: 0; }
.ah-editor [aria-invalid=true] { border-color: var(--bad); box-shadow: 0 0 0 1px var(--bad); }
.ah-bar { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
.ah-bar label { display: flex; gap: 6px; align-items: center; }
.ah-bar .ah-grow { flex: 1; min-width: 160px; }
.ah-tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--line); margin-top: 8px; }
.ah-tabs [role=tab] { border-radius: 6px 6px 0 0; border-bottom: none; background: transparent; }
.ah-tabs [role=tab][aria-selected=true] { background: var(--head); font-weight: 600; }
.ah-count, .ah-note { color: var(--muted); font-size: 13px; }
.ah-status { min-height: 1.45em; margin: 4px 0; font-size: 13px; color: var(--muted); }
.ah-problem { color: var(--bad); font-size: 13px; margin: 4px 0; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.ah-problem[hidden], .ah-editor [hidden] { display: none !important; }
.ah-table { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.ah-head, .ah-row { display: grid; grid-template-columns: 2.6em minmax(8em, 1.3fr) 7.5em minmax(9em, 1.6fr) 5.2em 10.5em 8.6em; gap: 6px; padding: 0 8px; }
.ah-head { background: var(--head); border-bottom: 1px solid var(--line); font-weight: 600; font-size: 13px; padding-top: 6px; padding-bottom: 6px; }
.ah-scroller { position: relative; overflow-y: auto; contain: strict; }
.ah-spacer { position: relative; width: 100%; }
.ah-row { position: absolute; left: 0; right: 0; height: ${ROW_HEIGHT}px; contain: strict; padding-top: 8px; border-bottom: 1px solid var(--line); align-content: start; }
.ah-row.ah-free { visibility: hidden; }
.ah-row > [role=cell] { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.ah-row textarea { height: 64px; resize: none; line-height: 1.3; font-size: 13px; }
.ah-num { color: var(--muted); font-variant-numeric: tabular-nums; padding-top: 4px; text-align: right; }
.ah-id { font-size: 12px; color: var(--muted); }
.ah-colour { flex-direction: row !important; align-items: center; }
.ah-colour input { width: 2.6em; height: 1.9em; padding: 0 2px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.ah-actions { display: grid !important; grid-template-columns: repeat(2, 1fr); gap: 4px; align-content: start; }
.ah-actions button { padding: 1px 4px; font-size: 12px; }
.ah-row .ah-message { position: absolute; left: 3.4em; right: 8px; bottom: 2px; color: var(--bad); font-size: 12px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ah-empty { position: absolute; top: 0; left: 0; margin: 0; padding: 12px; color: var(--muted); }
.ah-json { width: 100%; min-height: 360px; font: 12.5px/1.45 ui-monospace, monospace; }
.ah-confirm { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; background: var(--head); margin: 8px 0; }
@media (prefers-color-scheme: dark) {
  .ah-editor { --line: #30363d; --muted: #8d96a0; --bg: #0d1117; --head: #161b22; --bad: #ff7b72; --focus: #58a6ff; color: #e6edf3; }
}
`;
