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

  it("is a bug, said by name, when a connector's shape is not on its slide", async () => {
    const deck = await twoPhasesAndALine("transition:t");
    await expect(glueConnectors(deck, [{ ...glued, to: "phase:missing" }])).rejects.toThrow(
      "connector transition:t: no shape named phase:missing on its slide",
    );
  });
});
