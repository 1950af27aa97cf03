import fc from "fast-check";
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { HEAVY_TEST_TIMEOUT_MS, propertyRuns } from "../../test/budget";
import { planRoadmap } from "../engine/planEngine";
import { blankPhase, communication, emptyRoadmap, randomRoadmaps } from "../engine/testing/randomRoadmaps";
import { loopTransitionIds } from "../model/loops";
import type { Phase, Roadmap } from "../model/schema";
import { createB2bSubscriptionRoadmap } from "../model/templates/b2bSubscriptionSoftware";
import { drawRoadmapDiagram } from "./roadmapDiagram";
import { textWidth, wrapText } from "./svgText";
import { moneyAmounts, moneyFiguresIn, moneySpellings } from "./testing/moneyFigures";
import { assertWellFormed } from "./testing/wellFormedXml";

const FAST_CHECK = propertyRuns(60);
const NOW = new Date("2026-11-23T10:00:00Z");
const LOOP_RED = "#c0392b";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function parse(svg: string): Document {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(svg, "image/svg+xml") as unknown as Document;
  expect(document.querySelector("parsererror")).toBeNull();
  return document;
}

function rectOf(element: Element): Rect {
  const number = (name: string) => Number(element.getAttribute(name));
  return { x: number("x"), y: number("y"), width: number("width"), height: number("height") };
}

function inside(rect: Rect, width: number, height: number): boolean {
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width && rect.y + rect.height <= height;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Text as a reader sees it: the lines of a wrapped text joined with spaces. */
function visibleText(element: Element): string {
  const lines = [...element.querySelectorAll("tspan")].map((line) => line.textContent ?? "");
  return lines.length > 0 ? lines.join(" ") : (element.textContent ?? "");
}

function roadmapWith(phases: Phase[], transitions: Roadmap["transitions"] = []): Roadmap {
  return { ...emptyRoadmap(), phases, transitions };
}

function phaseAt(id: string, name: string, x: number, y: number, stageId = "develop"): Phase {
  return { ...blankPhase(id), name, stageId, position: { x, y } };
}

describe("drawRoadmapDiagram", () => {
  const template = createB2bSubscriptionRoadmap(NOW);
  const plan = planRoadmap(template);
  const diagram = drawRoadmapDiagram(template, { plan });
  const document = parse(diagram.svg);
  const root = document.documentElement;

  it("is a well-formed standalone SVG whose declared size is its drawing's size", () => {
    assertWellFormed(diagram.svg);
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("width")).toBe(String(diagram.width));
    expect(root.getAttribute("height")).toBe(String(diagram.height));
    expect(root.getAttribute("viewBox")).toBe(`0 0 ${diagram.width} ${diagram.height}`);
    expect(root.getAttribute("font-family")).toContain("sans-serif");
    const background = rectOf(root.querySelector("rect.background") as Element);
    expect(background).toEqual({ x: 0, y: 0, width: diagram.width, height: diagram.height });
    expect(diagram.svg).not.toMatch(/<link|@import|url\((?!#)|href=/);
  });

  it("shows every phase with its stage, name, customers at start and communications", () => {
    const cards = [...root.querySelectorAll("g.phase")];
    expect(cards).toHaveLength(template.phases.length);
    for (const [index, phase] of template.phases.entries()) {
      const card = cards[index] as Element;
      const stage = template.stages.find((s) => s.id === phase.stageId);
      const customers = Object.values(phase.initialCustomers).reduce((sum, n) => sum + n, 0);
      const communications = template.communications.filter((c) => c.phaseId === phase.id).length;
      expect(visibleText(card.querySelector(".phase-name") as Element)).toBe(phase.name);
      expect(card.querySelector(".phase-stage")?.textContent).toBe(stage?.name.toUpperCase());
      expect(card.querySelector(".phase-band")?.getAttribute("fill")).toBe(stage?.color);
      expect(card.querySelector(".phase-customers")?.textContent).toBe(
        `${customers.toLocaleString("en-US")} customers`,
      );
      expect(card.querySelector(".phase-communications")?.textContent).toBe(
        `${communications} ${communications === 1 ? "comm." : "comms."}`,
      );
    }
  });

  it("places every phase card where the canvas has it, shifted by one offset for the whole drawing", () => {
    const cards = [...root.querySelectorAll("rect.phase-card")].map(rectOf);
    const first = template.phases[0] as Phase;
    const shift = { x: (cards[0] as Rect).x - first.position.x, y: (cards[0] as Rect).y - first.position.y };
    for (const [index, phase] of template.phases.entries()) {
      const card = cards[index] as Rect;
      expect(card.width).toBe(220);
      // Coordinates are written with one decimal.
      expect(card.x).toBeCloseTo(phase.position.x + shift.x, 1);
      expect(card.y).toBeCloseTo(phase.position.y + shift.y, 1);
    }
  });

  it("draws one arrow per transition, red when it loops back to an earlier stage or is marked as a loop", () => {
    const paths = [...root.querySelectorAll("path.transition")];
    expect(paths).toHaveLength(template.transitions.length);
    const markerIds = [...root.querySelectorAll("marker")].map((marker) => marker.getAttribute("id"));
    const loops = loopTransitionIds(template);
    for (const [index, transition] of template.transitions.entries()) {
      const path = paths[index] as Element;
      const marker = /^url\(#(.+)\)$/.exec(path.getAttribute("marker-end") ?? "")?.[1];
      expect(markerIds).toContain(marker);
      expect(path.classList.contains("is-loop")).toBe(loops.has(transition.id));
      expect(path.getAttribute("stroke") === LOOP_RED).toBe(loops.has(transition.id));
    }
    const winBack = template.transitions.findIndex((t) => t.from === "phase-lapsed");
    expect(paths[winBack]?.classList.contains("is-loop")).toBe(true);

    const forward = template.transitions.find((t) => !loops.has(t.id));
    if (!forward) throw new Error("the template has no forward transition");
    const marked = {
      ...template,
      transitions: template.transitions.map((t) => (t === forward ? { ...t, markedAsLoop: true } : t)),
    };
    const markedRoot = parse(drawRoadmapDiagram(marked).svg).documentElement;
    const markedIndex = template.transitions.indexOf(forward);
    expect(markedRoot.querySelectorAll("path.transition")[markedIndex]?.classList.contains("is-loop")).toBe(true);
  });

  it("labels every transition with its monthly rate and trigger", () => {
    const labels = [...root.querySelectorAll("g.transition-label")].map((label) => ({
      rate: label.querySelector(".transition-rate")?.textContent,
      trigger: visibleText(label.querySelector(".transition-trigger") ?? label.ownerDocument.createElement("g")),
    }));
    expect(labels).toHaveLength(template.transitions.length);
    const trialConverts = template.transitions.find((t) => t.id === "tr-trial-converts");
    expect(trialConverts?.rate).toBe(0.3);
    // The asterisk says some segment moves at another rate, as on the canvas.
    expect(labels).toContainEqual({ rate: "30%/mo*", trigger: "Signs the first subscription" });
    expect(labels).toContainEqual({ rate: "20%/mo", trigger: "Renews" });
    expect(labels.map((label) => label.rate)).toContain("2.5%/mo*");
    expect(root.querySelector(".legend")?.textContent).toContain("Rate differs by segment");
  });

  it("keeps transition labels off the phase cards and off each other", () => {
    const cards = [...root.querySelectorAll("rect.phase-card")].map(rectOf);
    const labels = [...root.querySelectorAll("g.transition-label > rect")].map(rectOf);
    for (const label of labels) {
      expect(cards.filter((card) => overlap(card, label))).toEqual([]);
      expect(labels.filter((other) => other !== label && overlap(other, label))).toEqual([]);
    }
  });

  it("shows with a plan each phase's average monthly cost in the roadmap's currency, in whole units", () => {
    const costs = [...root.querySelectorAll("g.phase")].map((card) => card.querySelector(".phase-cost")?.textContent);
    for (const [index, summary] of plan.phases.entries()) {
      if (summary.averageMonthlyCost <= 0) continue;
      expect(costs[index]).toBe(`€${Math.round(summary.averageMonthlyCost).toLocaleString("en-US")} a month`);
    }
    expect(costs.filter((cost) => cost !== undefined).length).toBeGreaterThan(0);

    const inDollars = { ...template, currency: "USD" };
    const dollars = parse(drawRoadmapDiagram(inDollars, { plan: planRoadmap(inDollars) }).svg);
    expect(dollars.querySelector(".phase-cost")?.textContent).toMatch(/^\$[\d,]+ a month$/);

    expect(parse(drawRoadmapDiagram(template).svg).querySelector(".phase-cost")).toBeNull();
  });

  it("writes money the way the requested locale does", () => {
    const german = parse(drawRoadmapDiagram(template, { plan, locale: "de-DE" }).svg);
    expect(german.querySelector(".phase-cost")?.textContent).toMatch(/^[\d.]+\s€ a month$/);
  });

  it("lists every stage in the legend, below all the phases, with its colour", () => {
    const legend = root.querySelector(".legend") as Element;
    const stages = [...legend.querySelectorAll(".legend-stage")];
    expect(stages.map((stage) => stage.textContent)).toEqual(template.stages.map((stage) => stage.name));
    expect(stages.map((stage) => stage.querySelector("circle")?.getAttribute("fill"))).toEqual(
      template.stages.map((stage) => stage.color),
    );
    const lowestCard = Math.max(...[...root.querySelectorAll("rect.phase-card")].map((r) => rectOf(r).y));
    const legendTop = Math.min(...stages.map((stage) => Number(stage.querySelector("circle")?.getAttribute("cy"))));
    expect(legendTop).toBeGreaterThan(lowestCard);
    expect(legend.querySelector(".legend-loop")?.textContent).toBe("Loops back");
  });

  it("escapes names so that markup characters come back as typed", () => {
    const name = `Tom & Jerry's <b>"best"</b> ]]> phase`;
    const roadmap = roadmapWith(
      [phaseAt("a", name, 0, 0), phaseAt("b", "Next", 300, 0)],
      [{ id: "t", from: "a", to: "b", rate: 0.1, rateBySegment: {}, trigger: `a < b && "c"`, markedAsLoop: false }],
    );
    const svg = drawRoadmapDiagram({ ...roadmap, name: "<Roadmap & co>" }, { fontFamily: `"Odd" <Font>` }).svg;
    assertWellFormed(svg);
    const parsed = parse(svg);
    expect(visibleText(parsed.querySelector(".phase-name") as Element)).toBe(name);
    expect(visibleText(parsed.querySelector(".transition-trigger") as Element)).toBe(`a < b && "c"`);
    expect(parsed.querySelector("title")?.textContent).toBe("<Roadmap & co>");
    expect(parsed.documentElement.getAttribute("font-family")).toBe(`"Odd" <Font>`);
    expect(parsed.querySelector("b")).toBeNull();
  });

  it("drops characters XML cannot hold instead of producing an unreadable file", () => {
    const roadmap = roadmapWith([phaseAt("a", "Bell\u0007 and\u0000 null \ud800lone", 0, 0)]);
    const svg = drawRoadmapDiagram(roadmap).svg;
    assertWellFormed(svg);
    expect(visibleText(parse(svg).querySelector(".phase-name") as Element)).toBe("Bell and null lone");
  });

  it("wraps a long name onto two lines and ends it with an ellipsis, keeping the full name as a tooltip", () => {
    const long = "Customers who signed a multi-year enterprise agreement through a reseller partner last quarter";
    const parsed = parse(drawRoadmapDiagram(roadmapWith([phaseAt("a", long, 0, 0)])).svg);
    const lines = [...parsed.querySelectorAll(".phase-name tspan")].map((line) => line.textContent ?? "");
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(long.startsWith(lines.join(" ").slice(0, -1).trimEnd())).toBe(true);
    expect(parsed.querySelector("g.phase > title")?.textContent).toBe(long);
  });

  it("keeps a short name on one line without a tooltip", () => {
    const parsed = parse(drawRoadmapDiagram(roadmapWith([phaseAt("a", "Trial", 0, 0)])).svg);
    expect(parsed.querySelectorAll(".phase-name tspan")).toHaveLength(1);
    expect(parsed.querySelector("g.phase > title")).toBeNull();
  });

  it("draws an empty roadmap as a small picture saying there are no phases yet", () => {
    const empty = drawRoadmapDiagram(emptyRoadmap());
    assertWellFormed(empty.svg);
    expect(parse(empty.svg).documentElement.textContent).toContain("No phases yet");
    expect(empty.width).toBeLessThan(500);
    expect(empty.height).toBeLessThan(200);
  });

  it("counts a phase's communications and customers across segments", () => {
    const phase = { ...phaseAt("a", "Busy", 0, 0), initialCustomers: { s1: 1_200, s2: 34 } };
    const roadmap = {
      ...roadmapWith([phase]),
      communications: [communication("c1", "a"), communication("c2", "a")],
    };
    const parsed = parse(drawRoadmapDiagram(roadmap).svg);
    expect(parsed.querySelector(".phase-customers")?.textContent).toBe("1,234 customers");
    expect(parsed.querySelector(".phase-communications")?.textContent).toBe("2 comms.");
  });

  it(
    "fits every phase, label and the legend inside its size, wherever the phases stand, and draws the same each time",
    () => {
      const positions = fc.array(
        fc.record({ x: fc.integer({ min: -5_000, max: 5_000 }), y: fc.integer({ min: -5_000, max: 5_000 }) }),
        { minLength: 30, maxLength: 30 },
      );
      const names = fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 120 }), {
        minLength: 30,
        maxLength: 30,
      });
      fc.assert(
        fc.property(randomRoadmaps, positions, names, fc.boolean(), (base, places, labels, withPlan) => {
          const roadmap: Roadmap = {
            ...base,
            phases: base.phases.map((phase, i) => ({
              ...phase,
              name: labels[i]?.trim() || phase.name,
              position: places[i] ?? phase.position,
            })),
          };
          const options = withPlan ? { plan: planRoadmap(roadmap) } : {};
          const drawn = drawRoadmapDiagram(roadmap, options);
          assertWellFormed(drawn.svg);
          const parsed = parse(drawn.svg);
          const boxes = [...parsed.querySelectorAll("rect.phase-card, g.transition-label > rect")].map(rectOf);
          expect(boxes.length).toBe(roadmap.phases.length + roadmap.transitions.length);
          expect(boxes.filter((box) => !inside(box, drawn.width, drawn.height))).toEqual([]);
          const legendDots = [...parsed.querySelectorAll(".legend circle")].map((dot) => ({
            x: Number(dot.getAttribute("cx")) - 5,
            y: Number(dot.getAttribute("cy")) - 5,
            width: 10,
            height: 10,
          }));
          expect(legendDots.filter((dot) => !inside(dot, drawn.width, drawn.height))).toEqual([]);
          expect(parsed.querySelectorAll("path.transition")).toHaveLength(roadmap.transitions.length);
          expect(drawRoadmapDiagram(structuredClone(roadmap), options).svg).toBe(drawn.svg);
        }),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("wrapText", () => {
  it(
    "breaks text into lines that fit, and only drops what it marks with an ellipsis",
    () => {
      const words = fc.array(
        fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom("Win-back", "€1,200", "新規顧客")),
      );
      fc.assert(
        fc.property(
          words,
          fc.integer({ min: 40, max: 300 }),
          fc.integer({ min: 1, max: 4 }),
          (parts, width, maxLines) => {
            const text = parts.join(" ");
            const style = { fontSize: 14, bold: true };
            const lines = wrapText(text, width, maxLines, style);
            expect(lines.length).toBeLessThanOrEqual(maxLines);
            for (const line of lines) expect(textWidth(line, style.fontSize, style.bold)).toBeLessThanOrEqual(width);
            const shown = lines.join("").replace(/\s/g, "");
            const whole = text.replace(/\s/g, "");
            if (shown !== whole) {
              expect(lines.at(-1)?.endsWith("…")).toBe(true);
              expect(whole.startsWith(shown.slice(0, -1))).toBe(true);
            }
          },
        ),
        FAST_CHECK,
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});

describe("the diagram without costs", () => {
  const roadmap = createB2bSubscriptionRoadmap(NOW);
  const plan = planRoadmap(roadmap);

  it("draws a cost line on phases when costs are shown", () => {
    const { svg } = drawRoadmapDiagram(roadmap, { plan });
    expect(svg).toMatch(/€/);
    expect(parse(svg).querySelectorAll(".phase-cost").length).toBeGreaterThan(0);
  });

  it("draws no money at all, even with the plan, when costs are hidden", () => {
    const { svg } = drawRoadmapDiagram(roadmap, { plan, showCosts: false });
    expect(svg).not.toMatch(/€|EUR/);
    expect(svg).not.toMatch(/a month</);
    expect(parse(svg).querySelectorAll(".phase-cost")).toHaveLength(0);
    const digits = moneySpellings(moneyAmounts(roadmap, plan), 100);
    expect(digits.length).toBeGreaterThan(10);
    const text = parse(svg).documentElement.textContent ?? "";
    expect(moneyFiguresIn(text, digits)).toEqual([]);
    // The check finds a figure where the drawing shows one.
    const shown = parse(drawRoadmapDiagram(roadmap, { plan }).svg).documentElement.textContent ?? "";
    expect(moneyFiguresIn(shown, digits).length).toBeGreaterThan(0);
  });

  it("is the drawing without a plan: the same phases, arrows and labels", () => {
    expect(drawRoadmapDiagram(roadmap, { plan, showCosts: false }).svg).toBe(drawRoadmapDiagram(roadmap).svg);
  });
});
