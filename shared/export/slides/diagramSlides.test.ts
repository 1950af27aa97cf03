import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS } from "../../../test/budget";
import { planRoadmap } from "../../engine/planEngine";
import { loopTransitionIds } from "../../model/loops";
import type { Roadmap } from "../../model/schema";
import { createB2bSubscriptionRoadmap } from "../../model/templates/b2bSubscriptionSoftware";
import { generateRoadmap } from "../../model/testing/generateRoadmap";
import { everyText, TRICKY_NAMES } from "../../model/testing/hostileText";
import { deckFormats } from "./deckContext";
import { DECK_COLOURS, deckColour, SLIDE, SLIDE_BODY } from "./deckTheme";
import { MIN_DIAGRAM_FONT_PT } from "./diagramLayout";
import { deckOf, slidesTitled } from "./testing/deckOf";
import type { Box, ConnectorReading, DeckReading, ShapeReading, SlideReading } from "./testing/readDeck";

const b2b = () => createB2bSubscriptionRoadmap(new Date("2027-01-15T00:00:00Z"));
const generated = (phases: number) =>
  generateRoadmap({ phases, transitionsPerPhase: 1.5, communications: 60, segments: 2, seed: 18 });

/** The connection sites of `rect`/`roundRect`, by the index DrawingML gives them. */
const SITE = { top: 0, left: 1, bottom: 2, right: 3 } as const;

async function diagramOf(
  roadmap: Roadmap,
  includeCosts = true,
): Promise<{ deck: DeckReading; slides: SlideReading[] }> {
  const deck = await deckOf(roadmap, { sections: ["diagram"], includeCosts });
  return { deck, slides: slidesTitled(deck, "The roadmap") };
}

function shapeNamed(slide: SlideReading, name: string): ShapeReading | undefined {
  return slide.shapes.find((shape) => shape.name === name);
}

function centre(box: Box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Whether a connector's end leaves `own` on the side that faces `other` (or under both, for a loop back). */
function facing(site: number, own: Box, other: Box, loop: boolean): boolean {
  const a = centre(own);
  const b = centre(other);
  switch (site) {
    case SITE.right:
      return b.x > own.x + own.width - 1e-6;
    case SITE.left:
      return b.x < own.x + 1e-6;
    case SITE.bottom:
      return b.y > a.y || loop;
    case SITE.top:
      return b.y < a.y;
    default:
      return false;
  }
}

/** Each connector of the slide glued at both ends to shapes of the slide, by name. */
function gluedEnds(slide: SlideReading, connector: ConnectorReading) {
  const byId = new Map(slide.shapes.map((shape) => [shape.id, shape]));
  const from = connector.start ? byId.get(connector.start.id) : undefined;
  const to = connector.end ? byId.get(connector.end.id) : undefined;
  return { from, to, fromSite: connector.start?.site ?? -1, toSite: connector.end?.site ?? -1 };
}

function inside(box: Box, area: Box): boolean {
  const slack = 1e-6;
  return (
    box.x >= area.x - slack &&
    box.y >= area.y - slack &&
    box.x + box.width <= area.x + area.width + slack &&
    box.y + box.height <= area.y + area.height + slack
  );
}

describe("addDiagramSlides", () => {
  it("draws every phase as a rounded rectangle in its stage's colour with its name and its customers at the start", {
    timeout: 60_000,
  }, async () => {
    const roadmap = b2b();
    const plan = planRoadmap(roadmap);
    const format = deckFormats(roadmap.currency);
    const { slides } = await diagramOf(roadmap);
    expect(slides).toHaveLength(1);
    const [slide] = slides as [SlideReading];
    let withFigures = 0;
    for (const phase of roadmap.phases) {
      const shape = shapeNamed(slide, `phase:${phase.id}`);
      const stage = roadmap.stages.find((candidate) => candidate.id === phase.stageId);
      expect(shape?.geometry).toBe("roundRect");
      expect(shape?.fill).toBe(deckColour(stage?.color ?? ""));
      // The name, wrapped as its box needs, then its customers when a line is left for them.
      const paragraphs = shape?.paragraphs ?? [];
      const nameLines = paragraphs.findIndex((_, index) => paragraphs.slice(0, index + 1).join(" ") === phase.name) + 1;
      expect(nameLines, phase.name).toBeGreaterThan(0);
      const customers = plan.phases.find((summary) => summary.phaseId === phase.id)?.customersAtStart ?? 0;
      if (paragraphs.length > nameLines) {
        expect(paragraphs[nameLines]).toMatch(new RegExp(`^${format.count(customers)} customers`));
        withFigures += 1;
      }
      expect(Math.min(...(shape?.fontSizesPt ?? []))).toBeGreaterThanOrEqual(MIN_DIAGRAM_FONT_PT);
    }
    expect(withFigures).toBeGreaterThan(roadmap.phases.length / 2);
  });

  it("glues every transition's connector to its two phases at the sides that face each other", {
    timeout: 60_000,
  }, async () => {
    const roadmap = b2b();
    const loops = loopTransitionIds(roadmap);
    const [slide] = (await diagramOf(roadmap)).slides as [SlideReading];
    expect(slide.connectors).toHaveLength(roadmap.transitions.length);
    for (const transition of roadmap.transitions) {
      const connector = slide.connectors.find((candidate) => candidate.name === `transition:${transition.id}`);
      expect(connector, transition.id).toBeDefined();
      const { from, to, fromSite, toSite } = gluedEnds(slide, connector as ConnectorReading);
      expect(from?.name).toBe(`phase:${transition.from}`);
      expect(to?.name).toBe(`phase:${transition.to}`);
      const loop = loops.has(transition.id);
      expect(facing(fromSite, (from as ShapeReading).box, (to as ShapeReading).box, loop), transition.id).toBe(true);
      expect(facing(toSite, (to as ShapeReading).box, (from as ShapeReading).box, loop), transition.id).toBe(true);
    }
  });

  it("draws loops back red, dashed and curved, and other transitions grey and solid", { timeout: 60_000 }, async () => {
    const roadmap = b2b();
    const loops = loopTransitionIds(roadmap);
    expect(loops.size).toBeGreaterThan(0);
    const [slide] = (await diagramOf(roadmap)).slides as [SlideReading];
    for (const transition of roadmap.transitions) {
      const connector = slide.connectors.find((candidate) => candidate.name === `transition:${transition.id}`);
      if (loops.has(transition.id)) {
        expect(connector).toMatchObject({ colour: DECK_COLOURS.loop, dash: "dash", geometry: "curvedConnector3" });
      } else {
        expect(connector?.colour).toBe(DECK_COLOURS.transition);
        expect(connector?.dash).toBe("solid");
        expect(connector?.geometry).not.toBe("curvedConnector3");
      }
    }
    expect(shapeNamed(slide, "legend:loop")?.text).toBe("Loops back");
  });

  it("labels every transition with its monthly rate and its trigger", { timeout: 60_000 }, async () => {
    const roadmap = b2b();
    const format = deckFormats(roadmap.currency);
    const [slide] = (await diagramOf(roadmap)).slides as [SlideReading];
    for (const transition of roadmap.transitions) {
      const label = shapeNamed(slide, `label:transition:${transition.id}`);
      const [rate, ...trigger] = label?.paragraphs ?? [];
      const segmentRate = Object.keys(transition.rateBySegment).length > 0 ? "*" : "";
      expect(rate).toBe(`${format.percent(transition.rate)}/mo${segmentRate}`);
      const shown = trigger.join(" ");
      // A long trigger is cut short with an ellipsis; what is shown is its beginning.
      expect(transition.trigger.startsWith(shown.replace(/…$/, "").trimEnd()), shown).toBe(true);
      expect(shown.length).toBeGreaterThan(0);
    }
  });

  it("has a legend of the stages on the slide and speaker notes that explain the drawing", {
    timeout: 60_000,
  }, async () => {
    const roadmap = b2b();
    const [slide] = (await diagramOf(roadmap)).slides as [SlideReading];
    const used = new Set(roadmap.phases.map((phase) => phase.stageId));
    for (const stage of roadmap.stages.filter((candidate) => used.has(candidate.id))) {
      expect(shapeNamed(slide, `legend:stage:${stage.id}`)?.text).toBe(stage.name);
      expect(shapeNamed(slide, `legend:swatch:${stage.id}`)?.fill).toBe(deckColour(stage.color));
    }
    expect(slide.notes).toContain("Each box is a phase");
    expect(slide.notes).toContain("Assumptions: the plan runs");
  });

  it("keeps every shape on the slide and clear of the title and the footer", { timeout: 60_000 }, async () => {
    const { deck, slides } = await diagramOf(b2b());
    expectWithinBody(deck, slides);
  });

  for (const phases of [40, 300]) {
    it(`splits a ${phases}-phase roadmap by stage, each phase once, every crossing transition ending at a marker`, {
      timeout: HEAVY_TEST_TIMEOUT_MS,
    }, async () => {
      const roadmap = generated(phases);
      const { deck, slides } = await diagramOf(roadmap);
      expect(slides.length).toBeGreaterThan(1);
      const stageName = new Map(roadmap.stages.map((stage) => [stage.id, stage.name]));
      const slideOf = new Map<string, SlideReading>();
      for (const slide of slides) {
        const title = shapeNamed(slide, "Title")?.text ?? "";
        for (const shape of slide.shapes.filter((candidate) => candidate.name.startsWith("phase:"))) {
          const id = shape.name.slice("phase:".length);
          expect(slideOf.has(id), `${id} drawn twice`).toBe(false);
          slideOf.set(id, slide);
          const phase = roadmap.phases.find((candidate) => candidate.id === id);
          expect(title).toMatch(
            new RegExp(`^The roadmap: ${stageName.get(phase?.stageId ?? "")}( \\(\\d+ of \\d+\\))?$`),
          );
          expect(shape.paragraphs.join(" ")).toContain(phase?.name);
          expect(Math.min(...shape.fontSizesPt)).toBeGreaterThanOrEqual(MIN_DIAGRAM_FONT_PT);
        }
      }
      expect([...slideOf.keys()].sort()).toEqual(roadmap.phases.map((phase) => phase.id).sort());

      const name = (id: string) => roadmap.phases.find((phase) => phase.id === id)?.name ?? "";
      for (const transition of roadmap.transitions) {
        const source = slideOf.get(transition.from) as SlideReading;
        const target = slideOf.get(transition.to) as SlideReading;
        const out = source.connectors.find((connector) => connector.name === `transition:${transition.id}`);
        expect(out, transition.id).toBeDefined();
        const outEnds = gluedEnds(source, out as ConnectorReading);
        expect(outEnds.from?.name).toBe(`phase:${transition.from}`);
        if (source === target) {
          expect(outEnds.to?.name).toBe(`phase:${transition.to}`);
          continue;
        }
        // Leaving: a marker naming the phase it goes to and the slide it is on; entering: one naming where it comes from.
        expect(outEnds.to?.name).toMatch(/^marker:out:/);
        expectMarker(outEnds.to, `→ ${markerName(name(transition.to))}`, target.number);
        const into = target.connectors.find((connector) => connector.name === `transition:${transition.id}:in`);
        const inEnds = gluedEnds(target, into as ConnectorReading);
        expect(inEnds.to?.name).toBe(`phase:${transition.to}`);
        expect(inEnds.from?.name).toMatch(/^marker:in:/);
        expectMarker(inEnds.from, `From ${markerName(name(transition.from))}`, source.number);
      }
      expectWithinBody(deck, slides);
      for (const slide of slides) expect(slide.notes).toContain("split by stage");

      function markerName(phaseName: string): string {
        const phase = roadmap.phases.find((candidate) => candidate.name === phaseName);
        return `${phaseName} (${stageName.get(phase?.stageId ?? "")})`;
      }
    });
  }

  it("gathers a hub's transitions to more phases than a column of markers holds by the slide they go to", {
    timeout: HEAVY_TEST_TIMEOUT_MS,
  }, async () => {
    const base = generated(120);
    const hub = base.phases[0] as Roadmap["phases"][number];
    const targets = base.phases.filter((_, index) => index % 4 === 2);
    const roadmap: Roadmap = {
      ...base,
      transitions: [
        ...base.transitions.filter((transition) => transition.from !== hub.id),
        ...targets.map((target, index) => ({
          id: `hub-${index}`,
          from: hub.id,
          to: target.id,
          rate: 0.005,
          rateBySegment: {},
          trigger: `Hub ${index}`,
          markedAsLoop: false,
        })),
      ],
    };
    const { slides } = await diagramOf(roadmap);
    const slideOf = new Map(
      slides.flatMap((slide) =>
        slide.shapes.filter((shape) => shape.name.startsWith("phase:")).map((shape) => [shape.name.slice(6), slide]),
      ),
    );
    const source = slideOf.get(hub.id) as SlideReading;
    for (const target of targets) {
      const slide = slideOf.get(target.id) as SlideReading;
      if (slide === source) continue;
      const index = targets.indexOf(target);
      const connector = source.connectors.find((candidate) => candidate.name === `transition:hub-${index}`);
      const marker = gluedEnds(source, connector as ConnectorReading).to;
      expect(marker?.name).toMatch(/^marker:out:/);
      const [, where] = marker?.paragraphs ?? [];
      expect(where === `on slide ${slide.number}` || /^on \d+ more slides$/.test(where ?? ""), where).toBe(true);
    }
  });

  it("names nothing about money when costs are hidden", { timeout: 60_000 }, async () => {
    const { slides } = await diagramOf(b2b(), false);
    for (const slide of slides) {
      expect(`${slide.text}\n${slide.notes}`).not.toMatch(/cost|budget|roi\b|€|\$|EUR|USD/i);
    }
  });

  it("shortens names too long for their box with an ellipsis and gives them whole in the notes", {
    timeout: 60_000,
  }, async () => {
    const long = "Customers who renewed twice and asked for a dedicated account manager at their third renewal meeting";
    const roadmap = b2b();
    const [first, ...rest] = roadmap.phases;
    const { slides } = await diagramOf({
      ...roadmap,
      phases: [{ ...(first as Roadmap["phases"][number]), name: long }, ...rest],
    });
    const [slide] = slides as [SlideReading];
    const shape = shapeNamed(slide, `phase:${first?.id}`);
    expect(shape?.text).toMatch(/…/);
    expect(slide.notes).toContain(long);
  });

  it("draws a roadmap of hostile names without losing a phase or a connector", { timeout: 60_000 }, async () => {
    const roadmap = everyText(b2b(), TRICKY_NAMES);
    const [slide] = (await diagramOf(roadmap)).slides as [SlideReading];
    for (const phase of roadmap.phases) expect(shapeNamed(slide, `phase:${phase.id}`)).toBeDefined();
    expect(slide.connectors).toHaveLength(roadmap.transitions.length);
  });

  it("says so on its slide when the roadmap has no phases yet", { timeout: 60_000 }, async () => {
    const { slides } = await diagramOf({ ...b2b(), phases: [], transitions: [], communications: [] });
    expect(slides).toHaveLength(1);
    expect(slides[0]?.text).toContain("No phases yet");
    expect(slides[0]?.connectors).toEqual([]);
  });
});

/** A marker says what the other end is (shortened with an ellipsis when long) and, whole, the slide it is on. */
function expectMarker(marker: ShapeReading | undefined, what: string, slide: number): void {
  const [first = "", second] = marker?.paragraphs ?? [];
  const shortened = first.endsWith("…") && what.startsWith(first.slice(0, -1));
  expect(first === what || shortened, `${first} for ${what}`).toBe(true);
  expect(second).toBe(`on slide ${slide}`);
}

/** Every shape and connector of the slides inside the slide, and below the title and above the footer. */
function expectWithinBody(deck: DeckReading, slides: readonly SlideReading[]): void {
  const page = { x: 0, y: 0, width: SLIDE.width, height: SLIDE.height };
  expect(deck.size.width).toBeCloseTo(SLIDE.width, 2);
  for (const slide of slides) {
    for (const item of [...slide.shapes, ...slide.connectors]) {
      expect(inside(item.box, page), `${item.name} on slide ${slide.number}`).toBe(true);
      if (item.name === "Title" || item.name === "Footer" || item.name.startsWith("Slide Number")) continue;
      expect(inside(item.box, SLIDE_BODY), `${item.name} on slide ${slide.number}`).toBe(true);
    }
  }
}
