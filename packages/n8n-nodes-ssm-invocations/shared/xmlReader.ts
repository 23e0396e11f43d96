/**
 * A tiny, tolerant XML reader for the small answers of AWS query-protocol services (STS): an
 * element tree with namespace prefixes dropped from names, attributes ignored, text with the
 * five named entities and numeric character references decoded, CDATA kept verbatim, and
 * comments, processing instructions and doctypes skipped. No dependency (community nodes may not
 * have any) and no regex over the document, so `xmlns` declarations, prefixes and escapes cannot
 * confuse it. It does not validate: unclosed elements are closed at the end.
 */

/** One element: its local name, its child elements and its own text (children's excluded). */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Decodes `&lt;`-style and `&#…;` references; unknown ones stay as written. */
function decodeEntities(raw: string): string {
  let out = '';
  let index = 0;
  while (index < raw.length) {
    const amp = raw.indexOf('&', index);
    if (amp === -1) return out + raw.slice(index);
    out += raw.slice(index, amp);
    const semi = raw.indexOf(';', amp);
    const name = semi === -1 ? '' : raw.slice(amp + 1, semi);
    let decoded: string | undefined = NAMED_ENTITIES[name];
    if (decoded === undefined && name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) {
        decoded = String.fromCodePoint(code);
      }
    }
    if (decoded === undefined) {
      out += '&';
      index = amp + 1;
    } else {
      out += decoded;
      index = semi + 1;
    }
  }
  return out;
}

/** `sts:Credentials` → `Credentials`. */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function isNameEnd(char: string | undefined): boolean {
  return (
    char === undefined ||
    char === ' ' ||
    char === '\t' ||
    char === '\n' ||
    char === '\r' ||
    char === '/' ||
    char === '>'
  );
}

/** Index just past the `>` closing a tag, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | undefined;
  for (let index = from; index < xml.length; index += 1) {
    const char = xml[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return xml.length;
}

/**
 * Reads an XML document into its root element (a synthetic `#document` element holding the
 * top-level elements).
 *
 * @example
 * ```ts
 * const root = readXml('<a xmlns="urn:x"><b>1 &lt; 2</b></a>');
 * childText(root, 'a', 'b'); // '1 < 2'
 * ```
 */
export function readXml(source: string): XmlElement {
  // XML end-of-line handling: CRLF and lone CR read as LF.
  const xml = source.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
  const document: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [document];
  let index = 0;
  while (index < xml.length) {
    const open = xml.indexOf('<', index);
    const top = stack[stack.length - 1] ?? document;
    const textEnd = open === -1 ? xml.length : open;
    if (textEnd > index) top.text += decodeEntities(xml.slice(index, textEnd));
    if (open === -1) break;
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open + 4);
      index = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', open)) {
      const end = xml.indexOf(']]>', open + 9);
      top.text += xml.slice(open + 9, end === -1 ? xml.length : end);
      index = end === -1 ? xml.length : end + 3;
    } else if (xml[open + 1] === '?' || xml[open + 1] === '!') {
      index = tagEnd(xml, open + 2);
    } else if (xml[open + 1] === '/') {
      let nameEnd = open + 2;
      while (!isNameEnd(xml[nameEnd])) nameEnd += 1;
      const name = localName(xml.slice(open + 2, nameEnd));
      // Close up to the matching element; a stray end tag closes nothing.
      const at = stack.map((element) => element.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      index = tagEnd(xml, nameEnd);
    } else {
      let nameEnd = open + 1;
      while (!isNameEnd(xml[nameEnd])) nameEnd += 1;
      const element: XmlElement = {
        name: localName(xml.slice(open + 1, nameEnd)),
        children: [],
        text: '',
      };
      top.children.push(element);
      index = tagEnd(xml, nameEnd);
      if (xml[index - 2] !== '/') stack.push(element);
    }
  }
  return document;
}

/**
 * The first element along a path of local names below `from`, if any.
 *
 * @example
 * ```ts
 * child(root, 'AssumeRoleResponse', 'AssumeRoleResult', 'Credentials');
 * ```
 */
export function child(from: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = from;
  for (const name of path) current = current?.children.find((one) => one.name === name);
  return current;
}

/**
 * The trimmed text of the element at `path`, or `undefined` when there is none.
 *
 * @example
 * ```ts
 * childText(root, 'ErrorResponse', 'Error', 'Code'); // 'AccessDenied'
 * ```
 */
export function childText(from: XmlElement | undefined, ...path: string[]): string | undefined {
  const found = child(from, ...path);
  return found === undefined ? undefined : found.text.trim();
}
