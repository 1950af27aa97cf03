/**
 * Reads a block of cells as spreadsheets put it on the clipboard: rows on
 * lines, cells separated by tabs. Excel and LibreOffice quote a cell that holds
 * a tab, a line break or a quote ("a ""b"""), and end the block with a line
 * break, which is not an extra empty row.
 */
export function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
      continue;
    }
    if (char === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (char === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else {
      cell += char;
      atCellStart = false;
    }
  }
  if (!atCellStart || cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is a block of cells rather than a single value typed into one cell. */
export function isCellBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/(\r\n|\n|\r)$/, ""));
}
