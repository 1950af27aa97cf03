import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/fakes";
import { setRateFromText } from "./rateEdit";

async function openTemplate() {
  const app = createTestApp();
  const id = await app.store.getState().createRoadmap({
    name: "Plan",
    client: "",
    templateId: "b2b-subscription-software",
  });
  await app.store.getState().openRoadmap(id);
  return app;
}

const TRIAL_TO_ONBOARDING = (app: Awaited<ReturnType<typeof openTemplate>>) => {
  const transition = app.store
    .getState()
    .document?.transitions.find((t) => t.from === "phase-trial" && t.to === "phase-first-90-days");
  if (!transition) throw new Error("the template has no Trial → First 90 days transition");
  return transition;
};

describe("a rate typed on a transition's label", () => {
  it("is read in the user's locale and taken as one undo step", async () => {
    const app = await openTemplate();
    const { id, rate } = TRIAL_TO_ONBOARDING(app);
    expect(setRateFromText(app.store.getState(), id, "12,5 %", "de-DE")).toBe(true);
    expect(TRIAL_TO_ONBOARDING(app).rate).toBeCloseTo(0.125, 10);
    app.store.getState().undo();
    expect(TRIAL_TO_ONBOARDING(app).rate).toBe(rate);
  });

  it("that is not a rate is told to the user, naming the transition and what was typed, and changes nothing", async () => {
    const app = await openTemplate();
    const before = app.store.getState().document;
    const { id } = TRIAL_TO_ONBOARDING(app);
    const told = (typed: string) => {
      expect(setRateFromText(app.store.getState(), id, typed, "en-US")).toBe(false);
      expect(app.store.getState().document).toBe(before);
      return app.store.getState().notices.at(-1)?.message;
    };
    expect(told("lots")).toMatch(/^The rate of Trial → First 90 days stays as it was: .*“lots”/);
    expect(told("150")).toMatch(/^The rate of Trial → First 90 days stays as it was: .*150 ?%/);
    expect(told("")).toMatch(/^The rate of Trial → First 90 days stays as it was: Monthly rate is required/);
  });
});
