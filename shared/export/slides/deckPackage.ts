import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { type GluedConnector, glueSlide } from "./connectors";

const XML_PART = /\.(xml|rels)$/;
const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;
const WORKBOOK = /\.xlsx$/;
const STAMP = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;
/** The random part of the ids pptxgenjs gives a chart's data labels (`getUuid`). */
const RANDOM_ID =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The deck as pptxgenjs wrote it, finished in one pass over its parts:
 * - every line a section named for a connector is glued to its shapes, and
 *   every slide's shape ids made unique (`glueSlide`);
 * - pptxgenjs stamps the clock into the file properties (its own and each
 *   chart's workbook's), every zip entry and some chart ids at random; these
 *   become `now` and numbers counted in order, so exporting twice gives the
 *   same file (and a diff of two exports shows only what changed);
 * - the whole is compressed once (pptxgenjs stores a `uint8array` uncompressed,
 *   whatever its `compression` option says). fflate does the zip: JSZip took
 *   three times as long over a large deck's 45 MB of XML.
 */
export function packDeck(deck: Uint8Array, connectors: readonly GluedConnector[], now: Date): Uint8Array {
  const byName = new Map(connectors.map((connector) => [connector.name, connector]));
  return repack(deck, now, (name, xml) => (SLIDE_PART.test(name) ? (glueSlide(xml, byName) ?? xml) : xml));
}

function repack(zip: Uint8Array, now: Date, rewrite: (name: string, xml: string) => string): Uint8Array {
  const parts = unzipSync(zip);
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const renamed = chartNumbering(Object.keys(parts));
  const packed: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(parts)) {
    // Folders get no entries of their own, as PowerPoint writes none.
    if (name.endsWith("/")) continue;
    if (XML_PART.test(name)) {
      const written = strFromU8(bytes);
      let xml = renamed(rewrite(name, written).replace(STAMP, `$1${stamp}$3`));
      if (CHART_PART.test(name)) xml = withCountedIds(xml);
      // Most parts (a large deck's table slides) need nothing: their bytes are kept rather than encoded again.
      packed[renamed(name)] = xml === written ? bytes : strToU8(xml);
    } else if (WORKBOOK.test(name)) {
      packed[renamed(name)] = repack(bytes, now, (_name, xml) => xml);
    } else {
      packed[renamed(name)] = bytes;
    }
  }
  return zipSync(packed, { level: 6, mtime: now });
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
