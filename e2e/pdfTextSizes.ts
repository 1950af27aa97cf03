import { inflateSync } from "node:zlib";

/**
 * The printed size, in pt, of every piece of text on each page of a PDF as
 * Chromium (Skia) writes it: the font size of each text-showing operator
 * times the scale of the text and graphics matrices in force. What a reader
 * holding the paper sees, whatever CSS or SVG scaling produced it.
 *
 * A small reader for what Skia writes (plain objects, Flate-compressed
 * content, form XObjects), not a general PDF parser: anything it does not
 * understand throws, so a test can never pass by missing text.
 */
export function textSizesByPage(pdf: Uint8Array): number[][] {
  const objects = readObjects(Buffer.from(pdf));
  const catalog = [...objects.values()].find((object) => /\/Type\s*\/Catalog\b/.test(object.dict));
  if (!catalog) throw new Error("PDF: no catalog");
  const pages = pageObjects(objects, refOf(catalog.dict, "Pages"));
  return pages.map((page) => {
    const sizes: number[] = [];
    const contents =
      /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents\s*(\d+\s+0\s+R)/.exec(page.dict)?.[1];
    if (!contents) return sizes;
    const streams = [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((match) => streamOf(objects, Number(match[1])));
    const resources = resourcesOf(objects, page.dict);
    runContent(Buffer.concat(streams).toString("latin1"), IDENTITY, resources, objects, sizes, 0);
    return sizes;
  });
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function readObjects(buffer: Buffer): Map<number, PdfObject> {
  const text = buffer.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+0\s+obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endobj", start);
    const streamAt = text.indexOf("stream", start);
    if (end < 0) throw new Error(`PDF: object ${match[1]} has no end`);
    if (streamAt < 0 || streamAt > end) {
      objects.set(Number(match[1]), { dict: text.slice(start, end), stream: null });
      continue;
    }
    const dict = text.slice(start, streamAt);
    const dataStart = streamAt + "stream".length + (text[streamAt + 6] === "\r" ? 2 : 1);
    const direct = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict);
    const dataEnd = direct ? dataStart + Number(direct[1]) : text.indexOf("endstream", dataStart);
    const raw = buffer.subarray(dataStart, dataEnd);
    const filter = /\/Filter\s*\/(\w+)/.exec(dict)?.[1];
    if (filter !== undefined && filter !== "FlateDecode" && !/\/Subtype\s*\/Image/.test(dict))
      throw new Error(`PDF: object ${match[1]} uses the ${filter} filter`);
    objects.set(Number(match[1]), { dict, stream: filter === "FlateDecode" ? inflateIfText(raw, dict) : raw });
    header.lastIndex = text.indexOf("endobj", dataEnd);
  }
  return objects;
}

/** Images are never read, so never inflated. */
function inflateIfText(raw: Buffer, dict: string): Buffer {
  return /\/Subtype\s*\/Image/.test(dict) ? raw : inflateSync(raw);
}

function refOf(dict: string, key: string): number {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  if (!match) throw new Error(`PDF: no /${key} reference`);
  return Number(match[1]);
}

function objectOf(objects: Map<number, PdfObject>, id: number): PdfObject {
  const object = objects.get(id);
  if (!object) throw new Error(`PDF: object ${id} is missing`);
  return object;
}

function streamOf(objects: Map<number, PdfObject>, id: number): Buffer {
  const stream = objectOf(objects, id).stream;
  if (!stream) throw new Error(`PDF: object ${id} is not a stream`);
  return stream;
}

function pageObjects(objects: Map<number, PdfObject>, id: number): PdfObject[] {
  const node = objectOf(objects, id);
  if (!/\/Type\s*\/Pages\b/.test(node.dict)) return [node];
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? "";
  return [...kids.matchAll(/(\d+)\s+0\s+R/g)].flatMap((match) => pageObjects(objects, Number(match[1])));
}

/** A page's or form's XObjects by name; the resources may be inline or a reference. */
function resourcesOf(objects: Map<number, PdfObject>, dict: string): Map<string, number> {
  const reference = /\/Resources\s+(\d+)\s+0\s+R/.exec(dict);
  const resources = reference ? objectOf(objects, Number(reference[1])).dict : dict;
  const inline = /\/XObject\s*<<([^>]*)>>/.exec(resources)?.[1];
  const referenced = /\/XObject\s+(\d+)\s+0\s+R/.exec(resources);
  const entries = inline ?? (referenced ? objectOf(objects, Number(referenced[1])).dict : "");
  return new Map([...entries.matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)].map((m) => [m[1] as string, Number(m[2])]));
}

type Token = { kind: "operand"; value: string } | { kind: "operator"; value: string };

function* tokens(content: string): Generator<Token> {
  let i = 0;
  while (i < content.length) {
    const c = content[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "%") {
      while (i < content.length && content[i] !== "\n" && content[i] !== "\r") i++;
    } else if (c === "(") {
      let depth = 0;
      const start = i;
      for (; i < content.length; i++) {
        if (content[i] === "\\") i++;
        else if (content[i] === "(") depth++;
        else if (content[i] === ")" && --depth === 0) break;
      }
      i++;
      yield { kind: "operand", value: content.slice(start, i) };
    } else if (content.startsWith("<<", i) || content.startsWith(">>", i)) {
      yield { kind: "operand", value: content.slice(i, i + 2) };
      i += 2;
    } else if (c === "<") {
      const end = content.indexOf(">", i);
      yield { kind: "operand", value: content.slice(i, end + 1) };
      i = end + 1;
    } else if (c === "[" || c === "]") {
      yield { kind: "operand", value: c };
      i++;
    } else {
      const start = i;
      i++;
      while (i < content.length && !/[\s()<>[\]/%]/.test(content[i] as string)) i++;
      const word = content.slice(start, i);
      const operand = c === "/" || /^[-+.\d]/.test(word) || word === "true" || word === "false" || word === "null";
      yield { kind: operand ? "operand" : "operator", value: word };
    }
  }
}

const TEXT_SHOWING = new Set(["Tj", "TJ", "'", '"']);
const MAX_FORM_DEPTH = 20;

function runContent(
  content: string,
  base: Matrix,
  xObjects: Map<string, number>,
  objects: Map<number, PdfObject>,
  sizes: number[],
  depth: number,
): void {
  if (depth > MAX_FORM_DEPTH) throw new Error("PDF: forms nested too deep");
  let ctm = base;
  const saved: Matrix[] = [];
  let fontSize = 0;
  let textMatrix: Matrix = IDENTITY;
  let operands: string[] = [];
  const numbers = () => operands.slice(-6).map(Number) as unknown as Matrix;
  for (const token of tokens(content)) {
    if (token.kind === "operand") {
      operands.push(token.value);
      continue;
    }
    switch (token.value) {
      case "q":
        saved.push(ctm);
        break;
      case "Q":
        ctm = saved.pop() ?? base;
        break;
      case "cm":
        ctm = multiply(numbers(), ctm);
        break;
      case "BT":
        textMatrix = IDENTITY;
        break;
      case "Tf":
        fontSize = Number(operands[operands.length - 1]);
        break;
      case "Tm":
        textMatrix = numbers();
        break;
      case "Do": {
        const name = (operands[operands.length - 1] ?? "").slice(1);
        const id = xObjects.get(name);
        if (id === undefined) throw new Error(`PDF: XObject ${name} is not in the resources`);
        const form = objectOf(objects, id);
        if (/\/Subtype\s*\/Form\b/.test(form.dict)) {
          const matrix = /\/Matrix\s*\[([^\]]*)\]/.exec(form.dict)?.[1];
          const formMatrix = matrix ? (matrix.trim().split(/\s+/).map(Number) as unknown as Matrix) : IDENTITY;
          const own = resourcesOf(objects, form.dict);
          runContent(
            (form.stream ?? Buffer.alloc(0)).toString("latin1"),
            multiply(formMatrix, ctm),
            own.size > 0 ? own : xObjects,
            objects,
            sizes,
            depth + 1,
          );
        }
        break;
      }
      case "BI":
        throw new Error("PDF: inline images are not read");
      default:
        if (TEXT_SHOWING.has(token.value)) {
          const m = multiply(textMatrix, ctm);
          sizes.push(fontSize * Math.hypot(m[2], m[3]));
        }
    }
    operands = [];
  }
}
