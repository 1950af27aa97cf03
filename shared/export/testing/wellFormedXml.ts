/**
 * Throws unless `xml` is well-formed: balanced tags, one root, quoted and
 * unique attributes, no bare `<` or `&`, no character XML 1.0 forbids.
 * Stricter than happy-dom's parser, which repairs unescaped text silently.
 */
export function assertWellFormed(xml: string): void {
  for (const character of xml) {
    const code = character.codePointAt(0) ?? 0;
    const forbidden =
      (code < 0x20 && ![0x09, 0x0a, 0x0d].includes(code)) || (code >= 0xd800 && code <= 0xdfff) || code >= 0xfffe;
    if (forbidden && code <= 0xffff) throw new Error(`forbidden character U+${code.toString(16)}`);
  }
  const entity = "&(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);";
  const name = "[A-Za-z_][\\w.:-]*";
  const value = `"(?:[^"<&]|${entity})*"`;
  const attribute = `\\s+${name}=${value}`;
  const tag = new RegExp(
    `<(?<closing>/?)(?<tagName>${name})(?<attributes>(?:${attribute})*)\\s*(?<selfClosing>/?)>`,
    "y",
  );
  const text = new RegExp(`(?:[^<&]|${entity})*`, "y");
  const open: string[] = [];
  let roots = 0;
  let position = 0;
  while (position < xml.length) {
    text.lastIndex = position;
    position += text.exec(xml)?.[0].length ?? 0;
    if (position >= xml.length) break;
    tag.lastIndex = position;
    const match = tag.exec(xml);
    if (!match?.groups) throw new Error(`malformed markup at ${position}: ${xml.slice(position, position + 40)}`);
    const { closing, tagName = "", attributes = "", selfClosing } = match.groups;
    const names = [...attributes.matchAll(new RegExp(`\\s+(${name})=${value}`, "g"))].map((m) => m[1]);
    if (new Set(names).size !== names.length) throw new Error(`repeated attribute in <${tagName}>`);
    if (closing) {
      if (open.pop() !== tagName) throw new Error(`</${tagName}> closes nothing open`);
    } else {
      if (open.length === 0) roots++;
      if (!selfClosing) open.push(tagName);
    }
    position += match[0].length;
  }
  if (open.length > 0) throw new Error(`<${open.join("> <")}> left open`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}
