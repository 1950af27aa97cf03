/**
 * Text for SVG drawn without a DOM: escaping for XML, and widths estimated
 * from character classes so that names can be wrapped and shortened before
 * any renderer has measured them.
 */

/** Text as XML character data or an attribute value: markup escaped, characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return withoutInvalidXmlCharacters(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * Drops what no XML 1.0 document may contain: control characters other than
 * tab, newline and carriage return, U+FFFE, U+FFFF and unpaired surrogates.
 * A name pasted from a terminal or a broken file must not make the whole
 * export unreadable.
 */
export function withoutInvalidXmlCharacters(text: string): string {
  let kept = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (!control && !surrogate && code !== 0xfffe && code !== 0xffff) kept += character;
  }
  return kept;
}

/** A coordinate or length for SVG markup: one decimal, never "-0". */
export function svgNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * Advance widths in em of a Helvetica/Arial-like sans-serif. Inter and Segoe UI
 * run a little wider, which `SAFETY` covers: text that wraps a word early
 * looks fine, text that overflows its box does not.
 */
const NARROW = new Set([..."iljI.,:;'!|`"]);
const SEMI_NARROW = new Set([...'frt()[]{}/\\- "']);
const WIDE = new Set([..."mwMW@%"]);
const SAFETY = 1.06;
const BOLD = 1.07;

function characterWidth(character: string): number {
  if (NARROW.has(character)) return 0.26;
  if (SEMI_NARROW.has(character)) return 0.34;
  if (WIDE.has(character)) return 0.86;
  const code = character.codePointAt(0) ?? 0;
  // CJK, emoji and other wide scripts take roughly a full em.
  if (code >= 0x2e80) return 1;
  if (character >= "0" && character <= "9") return 0.56;
  if (character !== character.toLowerCase()) return 0.68;
  return 0.53;
}

/** Estimated width in px of one line of text. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of text) ems += characterWidth(character);
  return ems * fontSize * SAFETY * (bold ? BOLD : 1);
}

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
}

const ELLIPSIS = "…";

/** The text as it fits in `maxWidth`, ending in an ellipsis when something had to go. */
export function truncateText(text: string, maxWidth: number, style: TextStyle): string {
  return textWidth(text, style.fontSize, style.bold) <= maxWidth ? text : withEllipsis(text, maxWidth, style);
}

/**
 * The text broken into lines at spaces (inside a word when the word alone is
 * too wide, as CSS `overflow-wrap: anywhere` does), at most `maxLines` of them;
 * the last line ends in an ellipsis when the text does not fit.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, style: TextStyle): string[] {
  const fits = (line: string) => textWidth(line, style.fontSize, style.bold) <= maxWidth;
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const joined = current === "" ? word : `${current} ${word}`;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current !== "") lines.push(current);
    current = word;
    while (!fits(current)) {
      const characters = Array.from(current);
      const take = Math.max(1, fittingPrefixLength(characters, maxWidth, style));
      lines.push(characters.slice(0, take).join(""));
      current = characters.slice(take).join("");
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length <= maxLines) return lines;
  const cut = lines.slice(maxLines - 1).join(" ");
  return [...lines.slice(0, maxLines - 1), withEllipsis(cut, maxWidth, style)];
}

/** As much of the text as fits in `maxWidth` together with a trailing ellipsis. */
function withEllipsis(text: string, maxWidth: number, style: TextStyle): string {
  const characters = Array.from(text);
  const room = maxWidth - textWidth(ELLIPSIS, style.fontSize, style.bold);
  return (
    characters
      .slice(0, fittingPrefixLength(characters, room, style))
      .join("")
      .trimEnd() + ELLIPSIS
  );
}

/** How many of the leading characters fit in `maxWidth`. */
function fittingPrefixLength(characters: readonly string[], maxWidth: number, style: TextStyle): number {
  let width = 0;
  for (const [index, character] of characters.entries()) {
    width += textWidth(character, style.fontSize, style.bold);
    if (width > maxWidth) return index;
  }
  return characters.length;
}
