/**
 * A small, safe XML reader for workout files: elements, attributes, text, comments, CDATA and the five predefined
 * entities plus character references. No DTD, no entity declarations, no external anything: any `<!` other than a
 * comment or CDATA is refused. Linear time (each step moves forward with indexOf), no recursion, bounded element count.
 */

/** One element: lower-cased name (as written in `tag`), attributes by lower-cased name, children and text. */
export interface XmlElement {
  name: string;
  tag: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

/** The root element, or words saying where (line) and what is wrong. */
export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

const MAX_ELEMENTS = 20_000;
const MAX_DEPTH = 32;
const NAME_CHAR = /[A-Za-z0-9_:.-]/;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Returns `s` with the predefined entities and character references replaced; unknown entities stay as written. */
export function decodeXmlText(s: string): string {
  return s.replace(ENTITY, (_, ref: string) => {
    if (!ref.startsWith('#')) return NAMED[ref];
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

/** Parses `xml` into an element tree; never throws. */
export function parseXml(xml: string): XmlResult {
  const line = (pos: number): number => xml.slice(0, pos).split('\n').length;
  const fail = (words: string, pos: number): XmlResult => ({ ok: false, error: `line ${line(pos)}: ${words}` });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let count = 0;
  let i = 0;
  while (i < xml.length) {
    if (xml[i] !== '<') {
      const next = xml.indexOf('<', i);
      const end = next === -1 ? xml.length : next;
      if (stack.length > 0) stack[stack.length - 1].text += decodeXmlText(xml.slice(i, end));
      i = end;
      continue;
    }
    if (xml.startsWith('<?', i) || xml.startsWith('<!--', i)) {
      const closer = xml[i + 1] === '?' ? '?>' : '-->';
      const j = xml.indexOf(closer, i + 2);
      if (j === -1) return fail('unclosed processing instruction or comment', i);
      i = j + closer.length;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const j = xml.indexOf(']]>', i);
      if (j === -1) return fail('unclosed CDATA section', i);
      if (stack.length > 0) stack[stack.length - 1].text += xml.slice(i + 9, j);
      i = j + 3;
      continue;
    }
    if (xml.startsWith('<!', i)) return fail('declarations (<!...>) are not allowed', i);
    if (xml.startsWith('</', i)) {
      const j = xml.indexOf('>', i);
      if (j === -1) return fail('unclosed end tag', i);
      const tag = xml.slice(i + 2, j).trim();
      const open = stack.pop();
      if (!open || open.tag !== tag) return fail(`</${tag.slice(0, 40)}> does not match ${open ? `<${open.tag}>` : 'any open tag'}`, i);
      i = j + 1;
      continue;
    }
    // A start tag: name, attributes, then > or />.
    let j = i + 1;
    while (j < xml.length && NAME_CHAR.test(xml[j])) j += 1;
    const tag = xml.slice(i + 1, j);
    if (!tag) return fail('a "<" that starts no tag', i);
    const el: XmlElement = { name: tag.toLowerCase(), tag, attrs: new Map(), children: [], text: '' };
    let selfClosing = false;
    for (;;) {
      while (j < xml.length && /\s/.test(xml[j])) j += 1;
      if (j >= xml.length) return fail(`unclosed <${tag}>`, i);
      if (xml[j] === '>') { j += 1; break; }
      if (xml.startsWith('/>', j)) { j += 2; selfClosing = true; break; }
      const nameStart = j;
      while (j < xml.length && NAME_CHAR.test(xml[j])) j += 1;
      const attr = xml.slice(nameStart, j);
      while (j < xml.length && /\s/.test(xml[j])) j += 1;
      if (!attr || xml[j] !== '=') return fail(`malformed attribute in <${tag}>`, j);
      j += 1;
      while (j < xml.length && /\s/.test(xml[j])) j += 1;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${attr.slice(0, 40)} in <${tag}> needs a quoted value`, j);
      const end = xml.indexOf(quote, j + 1);
      if (end === -1) return fail(`unclosed attribute value in <${tag}>`, j);
      el.attrs.set(attr.toLowerCase(), decodeXmlText(xml.slice(j + 1, end)));
      j = end + 1;
    }
    count += 1;
    if (count > MAX_ELEMENTS) return fail(`too many elements (at most ${MAX_ELEMENTS})`, i);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) return fail('more than one root element', i);
    else root = el;
    if (!selfClosing) {
      if (stack.length >= MAX_DEPTH) return fail(`elements nested too deeply (at most ${MAX_DEPTH})`, i);
      stack.push(el);
    }
    i = j;
  }
  if (stack.length > 0) return fail(`<${stack[stack.length - 1].tag}> is never closed`, xml.length);
  return root ? { ok: true, root } : { ok: false, error: 'line 1: no root element' };
}
