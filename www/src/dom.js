// Building our own elements: DOM methods only, text always as text (never parsed as HTML), so the
// sidebar and the editor work on pages that enforce Trusted Types and never run what a page or a
// list contains.

/**
 * An element builder for `doc`: `el(tag, props, ...children)`, where props are attributes (a null
 * or undefined one is left out), `text` (always as text, never HTML) and on* handlers.
 */
export function builder(doc) {
  return (tag, props = {}, ...children) => {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value == null) continue;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  };
}
