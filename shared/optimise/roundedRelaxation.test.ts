import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { roundedRelaxation } from "./roundedRelaxation";
import { handModel, knapsackItems } from "./testing/handModel";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const ids = (model: ReturnType<typeof handModel>, options: readonly number[] | null) =>
  options?.map((index) => model.options[index]?.communicationId).sort();

describe("roundedRelaxation", () => {
  it("keeps what the relaxation sends whole and fills the rest of the budget with what still fits", () => {
    // The relaxation sends c whole and three quarters of a (or of b); a no longer fits, b does.
    const model = handModel({
      objective: "value",
      budget: 50,
      candidates: knapsackItems(["a", 40, 160], ["b", 30, 120], ["c", 20, 100]),
    });
    expect(ids(model, roundedRelaxation(highs, model, 60)?.optionIndices ?? null)).toEqual(["b", "c"]);
  });

  it("takes one option of a locked-in communication the relaxation splits between two", () => {
    const model = handModel({
      objective: "value",
      budget: 25,
      candidates: [
        {
          id: "locked",
          lock: "in",
          options: [
            { cost: 10, value: 10 },
            { cost: 30, value: 60 },
          ],
        },
        ...knapsackItems(["x", 15, 30]),
      ],
    });
    const plan = roundedRelaxation(highs, model, 60)?.optionIndices ?? null;
    expect(ids(model, plan)).toEqual(["locked", "x"]);
    expect(plan?.map((index) => model.options[index]?.cost).sort()).toEqual([10, 15]);
  });

  it("gives no plan for settings no plan keeps to", () => {
    const model = handModel({
      budget: 5,
      candidates: [{ id: "locked", lock: "in", options: [{ cost: 10, value: 10 }] }],
    });
    expect(roundedRelaxation(highs, model, 60)).toBeNull();
  });
});
