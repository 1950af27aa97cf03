import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import { describe, expect, it } from "vitest";
import type { GluedConnector } from "./connectors";
import { packDeck } from "./deckPackage";
import { readDeck } from "./testing/readDeck";

async function twoPhasesAndALine(lineName: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  const slide = pptx.addSlide();
  slide.addText("Onboarding", { shape: pptx.ShapeType.roundRect, x: 1, y: 1, w: 2, h: 1, objectName: "phase:a" });
  slide.addText("Active", { shape: pptx.ShapeType.roundRect, x: 6, y: 3, w: 2, h: 1, objectName: "phase:b" });
  slide.addShape(pptx.ShapeType.line, {
    x: 3,
    y: 1.5,
    w: 3,
    h: 2,
    line: { color: "C0392B", width: 1.5, endArrowType: "triangle", dashType: "dash" },
    objectName: lineName,
  });
  return (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
}

const NOW = new Date("2027-03-01T09:00:00Z");

const glued: GluedConnector = {
  name: "transition:t",
  from: "phase:a",
  fromSite: "right",
  to: "phase:b",
  toSite: "left",
  geometry: "curved",
};

describe("packDeck glues connectors", () => {
  it("turns the named line into a connector whose ends hold the two shapes at the sites asked", async () => {
    const deck = await readDeck(packDeck(await twoPhasesAndALine("transition:t"), [glued], NOW));
    const [slide] = deck.slides;
    const ids = new Map(slide?.shapes.map((shape) => [shape.name, shape.id]));
    expect(slide?.shapes.map((shape) => shape.name)).toEqual(["phase:a", "phase:b"]);
    expect(slide?.connectors).toEqual([
      expect.objectContaining({
        name: "transition:t",
        geometry: "curvedConnector3",
        start: { id: ids.get("phase:a"), site: 3 },
        end: { id: ids.get("phase:b"), site: 1 },
        dash: "dash",
        colour: "C0392B",
        box: { x: 3, y: 1.5, width: 3, height: 2 },
      }),
    ]);
  });

  it("compresses the deck and leaves a slide without connectors or repeated ids as pptxgenjs wrote it", async () => {
    const deck = await twoPhasesAndALine("a plain line");
    const finished = packDeck(deck, [], NOW);
    expect(finished.byteLength).toBeLessThan(deck.byteLength / 2);
    const slide = async (bytes: Uint8Array) =>
      (await JSZip.loadAsync(bytes)).file("ppt/slides/slide1.xml")?.async("string");
    expect(await slide(finished)).toBe(await slide(deck));
    const reading = await readDeck(packDeck(deck, [glued], NOW));
    expect(reading.slides[0]?.connectors).toEqual([]);
  });

  it("makes the ids of a slide without connectors unique too", async () => {
    const pptx = new PptxGenJS();
    pptx.layout = "LAYOUT_WIDE";
    const slide = pptx.addSlide();
    slide.slideNumber = { x: 12, y: 7, w: 1, h: 0.3 };
    for (let index = 0; index < 30; index++) slide.addText(`Row ${index}`, { x: 0.5, y: 0.2 * index, w: 3, h: 0.2 });
    const written = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
    const ids = (await readDeck(packDeck(written, [], NOW))).slides[0]?.shapes.map((shape) => shape.id) ?? [];
    expect(ids).toHaveLength(31); // the rows and the slide number
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("glues to the shape asked for on a slide of many shapes, whose slide number pptxgenjs gives a taken id", async () => {
    const pptx = new PptxGenJS();
    pptx.layout = "LAYOUT_WIDE";
    const slide = pptx.addSlide();
    slide.slideNumber = { x: 12, y: 7, w: 1, h: 0.3 };
    for (let index = 0; index < 30; index++) {
      slide.addText(`Phase ${index}`, {
        shape: pptx.ShapeType.rect,
        x: 0.1 + index * 0.4,
        y: 1,
        w: 0.3,
        h: 0.3,
        objectName: `phase:${index}`,
      });
    }
    slide.addShape(pptx.ShapeType.line, { x: 1, y: 2, w: 8, h: 0, objectName: "transition:t" });
    const written = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
    const deck = await readDeck(packDeck(written, [{ ...glued, from: "phase:2", to: "phase:23" }], NOW));
    const [reading] = deck.slides;
    const ids = reading?.shapes.map((shape) => shape.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(reading?.shapes.map((shape) => [shape.id, shape.name]));
    const [connector] = reading?.connectors ?? [];
    expect(byId.get(connector?.start?.id ?? "")).toBe("phase:2");
    expect(byId.get(connector?.end?.id ?? "")).toBe("phase:23");
  });

  it("is a bug, said by name, when a connector's shape is not on its slide", async () => {
    const deck = await twoPhasesAndALine("transition:t");
    expect(() => packDeck(deck, [{ ...glued, to: "phase:missing" }], NOW)).toThrow(
      "connector transition:t: no shape named phase:missing on its slide",
    );
  });
});
