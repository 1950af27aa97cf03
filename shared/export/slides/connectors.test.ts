import PptxGenJS from "pptxgenjs";
import { describe, expect, it } from "vitest";
import { type GluedConnector, glueConnectors } from "./connectors";
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

const glued: GluedConnector = {
  name: "transition:t",
  from: "phase:a",
  fromSite: "right",
  to: "phase:b",
  toSite: "left",
  geometry: "curved",
};

describe("glueConnectors", () => {
  it("turns the named line into a connector whose ends hold the two shapes at the sites asked", async () => {
    const deck = await readDeck(await glueConnectors(await twoPhasesAndALine("transition:t"), [glued]));
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

  it("leaves a deck without connectors byte for byte as it was", async () => {
    const deck = await twoPhasesAndALine("a plain line");
    expect(await glueConnectors(deck, [])).toBe(deck);
    const reading = await readDeck(await glueConnectors(deck, [glued]));
    expect(reading.slides[0]?.connectors).toEqual([]);
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
    const deck = await readDeck(await glueConnectors(written, [{ ...glued, from: "phase:2", to: "phase:23" }]));
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
    await expect(glueConnectors(deck, [{ ...glued, to: "phase:missing" }])).rejects.toThrow(
      "connector transition:t: no shape named phase:missing on its slide",
    );
  });
});
