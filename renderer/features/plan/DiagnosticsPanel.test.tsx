import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { alike, withWave } from "../../../shared/survey/testing/insightFixtures";
import { eventually } from "../../../test/eventually";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { DiagnosticsPanel } from "./DiagnosticsPanel";

describe("the diagnostics panel with survey answers", () => {
  it("says where the plan contacts a segment more than its respondents want, and selects that phase on a click", async () => {
    const { store, document, phaseId, user } = await openTemplateInTestApp();
    store.getState().edit((roadmap) =>
      withWave(roadmap, [
        ...alike(6, {
          phaseId: phaseId("Trial"),
          segmentId: "smallBusiness",
          strength: 80,
          preferredContactsPerMonth: 0,
        }),
        ...alike(6, { phaseId: phaseId("First 90 days"), segmentId: "smallBusiness", strength: 40 }),
      ]),
    );
    render(
      <AppStoreProvider store={store}>
        <DiagnosticsPanel roadmap={document()} />
      </AppStoreProvider>,
    );
    const mismatch = await eventually(() =>
      screen.getByRole("button", {
        name: /^Survey: Small business \(cost to serve\) wants ≤ 0 a month; the plan sends \d+ in Trial/,
      }),
    );
    expect(
      screen.getByRole("button", {
        name: "Survey, the place to act first: From Trial to First 90 days the RSI falls 40 points (80 → 40); weakest there: Trust (40).",
      }),
    ).toBeInTheDocument();
    await user.click(mismatch);
    expect(store.getState().selection).toEqual({ phaseIds: [phaseId("Trial")], transitionIds: [] });
  });
});
