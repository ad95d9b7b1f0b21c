// Scanning a long text in parts, so that a huge page never freezes its tab.
//
// The core scans a megabyte in tens of milliseconds, but a 10 MB page in one call would hold the
// page's only thread for most of a second with nothing on screen. A text longer than one part is
// cut at paragraph breaks (no name or quote crosses one, see text.js) into parts scanned one task
// at a time, and the reports are joined: offsets moved by where each part starts, counts added.

import { PARAGRAPH_BREAK } from './text.js';

/** Characters (UTF-16 code units) a part holds at most: a few tens of milliseconds of scanning. */
export const PART_LENGTH = 512 * 1024;

/**
 * Where to cut `text` into parts of at most `length` code units: at the last paragraph break
 * before the limit, else the last space, else the limit itself (never inside a surrogate pair).
 * @returns {number[]} the start of each part
 */
export function partStarts(text, length = PART_LENGTH) {
  const starts = [0];
  let start = 0;
  while (text.length - start > length) {
    const limit = start + length;
    let cut = text.lastIndexOf(PARAGRAPH_BREAK, limit - 1) + 1;
    if (cut <= start) cut = text.lastIndexOf(' ', limit - 1) + 1;
    if (cut <= start) cut = /[\uDC00-\uDFFF]/.test(text[limit]) ? limit - 1 : limit;
    starts.push(cut);
    start = cut;
  }
  return starts;
}

/** Moves every span in `value` (any object with numeric `start` and `end`) by `by`. */
function shift(value, by) {
  if (Array.isArray(value)) {
    for (const item of value) shift(item, by);
  } else if (value && typeof value === 'object') {
    if (typeof value.start === 'number' && typeof value.end === 'number') {
      value.start += by;
      value.end += by;
    }
    for (const inner of Object.values(value)) if (inner && typeof inner === 'object') shift(inner, by);
  }
}

/** Lets the page handle input and paint between two parts (a macrotask, without timer clamping). */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Scans `text` with `scanner` (see Session.start), in parts when it is longer than one, calling
 * `onProgress(fraction)` after each part. The report is the same shape as one scan's.
 */
export async function scanInParts(scanner, text, onProgress = () => {}, length = PART_LENGTH) {
  const starts = partStarts(text, length);
  if (starts.length === 1) return scanner.scan(text);
  let joined = null;
  // Not starts.entries(): Prototype.js takes Array.prototype.entries away.
  for (let i = 0; i < starts.length; i += 1) {
    const start = starts[i];
    const end = starts[i + 1] ?? text.length;
    const report = await scanner.scan(text.slice(start, end));
    shift(report.mentions, start);
    shift(report.quotes, start);
    if (joined) {
      joined.mentions = joined.mentions.concat(report.mentions);
      joined.quotes = joined.quotes.concat(report.quotes);
      report.actors.forEach((actor, a) => { joined.actors[a].count += actor.count; });
    } else {
      joined = report;
    }
    onProgress(end / text.length);
    if (end < text.length) await nextTask();
  }
  return joined;
}
