/**
 * A strict RFC 4180 reader, written apart from the writer so the two cannot
 * share a mistake: records end in CRLF, a quote opens a field or is doubled
 * inside one, and anything else out of place throws.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const character = text[i];
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (character === '"') {
        quoted = false;
        i++;
        if (![",", "\r", undefined].includes(text[i])) throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += character;
        i++;
      }
    } else if (character === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (character === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (character === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (character === "\r" || character === "\n") {
      throw new Error(`line break outside quotes that is not CRLF at ${i}`);
    } else {
      field += character;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) throw new Error("last record does not end in CRLF");
  return records;
}
