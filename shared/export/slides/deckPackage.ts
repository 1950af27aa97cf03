import JSZip from "jszip";
import { withoutInvalidXmlCharacters } from "../svgText";

const XML_PART = /\.(xml|rels)$/;
const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;
const WORKBOOK = /\.xlsx$/;
const STAMP = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;
/** The random part of the ids pptxgenjs gives a chart's data labels (`getUuid`). */
const RANDOM_ID =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The deck as pptxgenjs wrote it, made the same bytes for the same roadmap,
 * plan and options, and readable whatever the roadmap's names hold:
 * - pptxgenjs stamps the clock into the file properties (its own and each
 *   chart's workbook's), every zip entry and some chart ids at random; these
 *   become `now` and numbers counted in order, so exporting twice gives the
 *   same file (and a diff of two exports shows only what changed);
 * - it escapes markup but keeps characters XML 1.0 forbids (a control
 *   character pasted into a name), which would make PowerPoint refuse the
 *   whole file; they are dropped from every part, as the SVG export does.
 */
export async function settleDeck(deck: Uint8Array, now: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(deck);
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const renamed = chartNumbering(Object.keys(zip.files));
  const settled = new JSZip();
  // Folders get no entries of their own: JSZip would date them by the clock.
  const entry = { date: now, createFolders: false };
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    if (XML_PART.test(file.name)) {
      let xml = renamed(withoutInvalidXmlCharacters(await file.async("string")).replace(STAMP, `$1${stamp}$3`));
      if (CHART_PART.test(file.name)) xml = withCountedIds(xml);
      settled.file(renamed(file.name), xml, entry);
    } else if (WORKBOOK.test(file.name)) {
      settled.file(renamed(file.name), await settleDeck(await file.async("uint8array"), now), entry);
    } else {
      settled.file(renamed(file.name), await file.async("uint8array"), entry);
    }
  }
  return settled.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * pptxgenjs numbers charts (and their workbooks) on from every deck the
 * process wrote before, so the second export of a session would name its
 * first chart chart7.xml: each deck's charts are numbered from 1 in order, in
 * part names and every reference to them.
 */
function chartNumbering(names: readonly string[]): (text: string) => string {
  const numbers = (pattern: RegExp) =>
    [...new Set(names.flatMap((name) => [...name.matchAll(pattern)].map((match) => Number(match[1]))))].sort(
      (a, b) => a - b,
    );
  const charts = new Map(numbers(/\/chart(\d+)\.xml/g).map((number, index) => [number, index + 1]));
  const workbooks = new Map(
    numbers(/Microsoft_Excel_Worksheet(\d+)\.xlsx/g).map((number, index) => [number, index + 1]),
  );
  if (charts.size === 0 && workbooks.size === 0) return (text) => text;
  return (text) =>
    text
      .replace(/\bchart(\d+)\.xml/g, (_found, number: string) => `chart${charts.get(Number(number)) ?? number}.xml`)
      .replace(
        /Microsoft_Excel_Worksheet(\d+)\.xlsx/g,
        (_found, number: string) => `Microsoft_Excel_Worksheet${workbooks.get(Number(number)) ?? number}.xlsx`,
      );
}

function withCountedIds(xml: string): string {
  let count = 0;
  return xml.replace(RANDOM_ID, (id) => {
    count += 1;
    const digits = count.toString(16).padStart(12, "0");
    return id.startsWith("-") ? `-0000-0000-0000-${digits}` : `00000000-0000-0000-0000-${digits}`;
  });
}
