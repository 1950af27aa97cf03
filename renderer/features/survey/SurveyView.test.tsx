import { act, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Roadmap, SurveyWave } from "../../../shared/model";
import { AppStoreProvider, useAppState } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { NumberLocaleContext } from "../../ui/numberLocale";
import { SurveyView } from "./SurveyView";

function LiveSurvey() {
  const roadmap = useAppState((state) => state.document);
  return roadmap ? <SurveyView roadmap={roadmap} /> : null;
}

/** A wave of `respondents` answers to the first `items` built-in statements, on `scale`. */
function wave(date: string, name: string, scale: SurveyWave["scale"] = "1-5"): SurveyWave {
  return {
    id: `wave-${date}`,
    name,
    date,
    importedAt: "2027-02-01T09:00:00.000Z",
    source: `answers ${date}.csv`,
    scale,
    itemIds: ["trust-1"],
    respondents: [
      {
        phaseId: null,
        segmentId: null,
        date: null,
        answers: [4],
        recommend: 8,
        preferredChannelIds: [],
        preferredContactsPerMonth: null,
      },
    ],
    excluded: 2,
  };
}

/** The B2B template open in a store, its Survey tab drawn as a user in `locale` sees it. */
async function openSurvey({ locale = "en-US", waves = [] as SurveyWave[], change = (r: Roadmap) => r } = {}) {
  const app = await openTemplateInTestApp();
  if (waves.length > 0 || change) {
    // The roadmap as the test needs it, set up before the user arrives: not one of the steps the user could undo.
    const ready = change({ ...app.document(), survey: { ...app.document().survey, waves } });
    app.store.setState({ document: ready, past: [], future: [] });
  }
  render(
    <AppStoreProvider store={app.store}>
      <NumberLocaleContext.Provider value={locale}>
        <LiveSurvey />
      </NumberLocaleContext.Provider>
    </AppStoreProvider>,
  );
  const survey = () => app.document().survey;
  const undoSteps = () => app.store.getState().past.length;
  return { ...app, survey, undoSteps };
}

const dimension = (name: string) => screen.getByRole("article", { name: `Dimension ${name}` });
const statement = (id: string) => screen.getByRole("listitem", { name: `Statement ${id}` });

describe("the dimensions", () => {
  it("takes a weight typed the German way on Enter, as one undo step, and shows each share of the RSI", async () => {
    const { user, survey, undoSteps } = await openSurvey({ locale: "de-DE" });
    const weight = within(dimension("Trust")).getByRole("textbox", { name: "Weight" });
    expect(within(dimension("Trust")).getByRole("status", { name: "Share of Trust in the RSI" })).toHaveTextContent(
      "17 %",
    );

    await user.clear(weight);
    await user.type(weight, "2,5");
    // Nothing is written while the user is still typing.
    expect(survey().dimensions[0]?.weight).toBe(1);
    await user.keyboard("{Enter}");

    expect(survey().dimensions[0]?.weight).toBe(2.5);
    expect(weight).toHaveValue("2,5");
    expect(undoSteps()).toBe(1);
    // 2.5 of 7.5 in all.
    expect(within(dimension("Trust")).getByRole("status", { name: "Share of Trust in the RSI" })).toHaveTextContent(
      "33 %",
    );
    expect(within(dimension("Satisfaction")).getByRole("status")).toHaveTextContent("13 %");
  });

  it("puts the weight back on Esc and writes nothing", async () => {
    const { user, survey, undoSteps } = await openSurvey();
    const weight = within(dimension("Trust")).getByRole("textbox", { name: "Weight" });
    await user.clear(weight);
    await user.type(weight, "7");
    await user.keyboard("{Escape}");
    expect(weight).toHaveValue("1");
    await user.tab();
    expect(survey().dimensions[0]?.weight).toBe(1);
    expect(undoSteps()).toBe(0);
  });

  it("refuses a negative weight with the reason, and keeps the weight", async () => {
    const { user, survey } = await openSurvey();
    const weight = within(dimension("Trust")).getByRole("textbox", { name: "Weight" });
    await user.clear(weight);
    await user.type(weight, "-2{Enter}");
    expect(within(dimension("Trust")).getByRole("alert")).toHaveTextContent(
      "Weight must be between 0 and 100, not -2.",
    );
    expect(survey().dimensions[0]?.weight).toBe(1);
  });

  it("asks where a removed dimension's statements go, and moves them there", async () => {
    const { user, survey, store } = await openSurvey();
    await user.click(screen.getByRole("button", { name: "Remove dimension Trust" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove dimension “Trust”" });
    expect(dialog).toHaveTextContent("Its 3 statements:");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Dimension to move them to" }), "ease");
    await user.click(within(dialog).getByRole("button", { name: "Remove" }));

    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(survey().dimensions.map((d) => d.id)).not.toContain("trust");
    expect(
      within(screen.getByRole("region", { name: "Statements of Ease of doing business" })).getAllByRole("listitem"),
    ).toHaveLength(7);
    expect(survey().items).toHaveLength(20);
    act(() => store.getState().undo());
    expect(survey().dimensions.map((d) => d.id)).toContain("trust");
  });

  it("removes a dimension's statements with it when asked", async () => {
    const { user, survey } = await openSurvey();
    await user.click(screen.getByRole("button", { name: "Remove dimension Trust" }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog).toHaveTextContent("Answers to removed statements stay in the waves and count again if you undo.");
    await user.click(within(dialog).getByRole("radio", { name: "Remove them too" }));
    await user.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect(survey().items).toHaveLength(17);
    expect(survey().items.some((item) => item.dimensionId === "trust")).toBe(false);
  });

  it("adds a dimension with weight 1, which takes its share", async () => {
    const { user, survey } = await openSurvey();
    await user.click(screen.getByRole("button", { name: "Add dimension" }));
    expect(survey().dimensions.at(-1)).toMatchObject({ name: "New dimension", weight: 1 });
    expect(within(dimension("New dimension")).getByRole("status")).toHaveTextContent("14%");
  });
});

describe("the statements", () => {
  it("edits a statement on Enter, and Esc puts back the saved text", async () => {
    const { user, survey, undoSteps } = await openSurvey();
    const text = within(statement("trust-1")).getByRole("textbox", { name: "Statement" });
    await user.clear(text);
    await user.type(text, "The company keeps its word.{Enter}");
    expect(survey().items[0]?.text).toBe("The company keeps its word.");

    await user.clear(text);
    await user.type(text, "Half-typ");
    await user.keyboard("{Escape}");
    expect(text).toHaveValue("The company keeps its word.");
    expect(undoSteps()).toBe(1);
  });

  it("refuses an empty statement", async () => {
    const { user, survey } = await openSurvey();
    const text = within(statement("trust-1")).getByRole("textbox", { name: "Statement" });
    await user.clear(text);
    await user.keyboard("{Enter}");
    expect(within(statement("trust-1")).getByRole("alert")).toHaveTextContent("The statement must not be empty.");
    expect(survey().items[0]?.text).toBe("I can rely on the company to keep its promises.");
  });

  it("flips a statement to reversed, moves it down and to another dimension, each one undo step", async () => {
    const { user, survey, undoSteps } = await openSurvey();
    await user.click(within(statement("trust-1")).getByRole("checkbox", { name: "Reversed" }));
    expect(survey().items[0]?.reversed).toBe(true);
    await user.click(screen.getByRole("button", { name: "Move trust-1 down" }));
    expect(
      survey()
        .items.slice(0, 2)
        .map((i) => i.id),
    ).toEqual(["trust-2", "trust-1"]);
    expect(screen.getByRole("button", { name: "Move trust-3 down" })).toBeDisabled();
    await user.selectOptions(within(statement("trust-1")).getByRole("combobox", { name: "Dimension" }), "value");
    expect(survey().items.find((i) => i.id === "trust-1")?.dimensionId).toBe("value");
    expect(undoSteps()).toBe(3);
  });

  it("says a removed statement's answers stay in the waves, and its Undo brings it back", async () => {
    const { user, survey, store } = await openSurvey({ waves: [wave("2027-01-15", "January")] });
    await user.click(screen.getByRole("button", { name: "Remove statement trust-1" }));
    expect(survey().items.map((i) => i.id)).not.toContain("trust-1");
    expect(survey().waves[0]?.itemIds).toEqual(["trust-1"]);
    const notice = store.getState().notices.at(-1);
    expect(notice?.message).toBe(
      "Removed the statement trust-1. Answers to this item stay in the waves and count again if you undo.",
    );
    act(() => notice?.action?.run());
    expect(survey().items[0]?.id).toBe("trust-1");
  });

  it("adds a statement at the end of its dimension", async () => {
    const { user, survey } = await openSurvey();
    await user.click(screen.getByRole("button", { name: "Add statement to Trust" }));
    expect(survey().items[3]).toMatchObject({ id: "trust-4", dimensionId: "trust", text: "New statement" });
  });
});

describe("the scale", () => {
  it("warns that waves on another scale keep theirs", async () => {
    const { user, survey } = await openSurvey({ waves: [wave("2027-01-15", "January")] });
    expect(screen.queryByText(/keep their scale/)).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Scale" }), "0-10");
    expect(survey().scale).toBe("0-10");
    expect(screen.getByText(/keep their scale/)).toHaveTextContent(
      "The wave “January” was answered on 1–5: those answers keep their scale and still count, so nothing is lost.",
    );
  });
});

describe("the built-in questionnaire", () => {
  it("is offered when the questionnaire is empty, as in a file from format 3", async () => {
    const { user, survey, undoSteps } = await openSurvey({
      change: (r) => ({ ...r, survey: { ...r.survey, dimensions: [], items: [] } }),
    });
    expect(screen.queryByRole("button", { name: "Export questionnaire (XLSX)" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Use the built-in questionnaire" }));
    expect(survey().items).toHaveLength(20);
    expect(survey().dimensions).toHaveLength(6);
    expect(undoSteps()).toBe(1);
    expect(screen.getAllByRole("article", { name: /^Dimension / })).toHaveLength(6);
  });

  it("can be put back after edits, once the user confirms", async () => {
    const { user, survey, store } = await openSurvey();
    expect(screen.queryByRole("button", { name: "Reset to built-in…" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove statement trust-1" }));
    await user.click(screen.getByRole("button", { name: "Reset to built-in…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Reset to the built-in questionnaire" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(survey().items).toHaveLength(19);

    await user.click(screen.getByRole("button", { name: "Reset to built-in…" }));
    await user.click(screen.getByRole("button", { name: "Reset questionnaire" }));
    expect(survey().items).toHaveLength(20);
    act(() => store.getState().undo());
    expect(survey().items).toHaveLength(19);
  });
});

describe("the waves", () => {
  const twoWaves = [wave("2026-09-01", "September"), wave("2027-01-15", "January")];

  it("lists each wave, newest first, with its file, respondents and those excluded", async () => {
    await openSurvey({ waves: twoWaves });
    const rows = screen.getAllByRole("row", { name: /^Wave / });
    expect(rows.map((row) => row.getAttribute("aria-label"))).toEqual(["Wave January", "Wave September"]);
    expect(rows[0]).toHaveTextContent("answers 2027-01-15.csv");
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toContain("2");
  });

  it("renames a wave as one undo step", async () => {
    const { user, survey, store } = await openSurvey({ waves: twoWaves });
    const name = screen.getByRole("textbox", { name: "Name of January" });
    await user.clear(name);
    await user.type(name, "Baseline{Enter}");
    expect(survey().waves[1]?.name).toBe("Baseline");
    act(() => store.getState().undo());
    expect(survey().waves[1]?.name).toBe("January");
    expect(screen.getByRole("textbox", { name: "Name of January" })).toHaveValue("January");
  });

  it("re-dates a wave, and refuses the date of another wave", async () => {
    const { user, survey } = await openSurvey({ waves: twoWaves });
    const date = screen.getByRole("textbox", { name: "Date of January" });
    await user.clear(date);
    await user.type(date, "2026-09-01{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The wave “September” is already dated 2026-09-01: each wave needs a date of its own.",
    );
    expect(survey().waves[1]?.date).toBe("2027-01-15");
    await user.clear(date);
    await user.type(date, "2027-02-01{Enter}");
    expect(survey().waves[1]?.date).toBe("2027-02-01");
  });

  it("removes a wave once confirmed, and Undo brings its answers back", async () => {
    const { user, survey, store } = await openSurvey({ waves: twoWaves });
    await user.click(screen.getByRole("button", { name: "Remove wave January" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove wave “January”" });
    expect(dialog).toHaveTextContent("The answers of its 1 respondent");
    await user.click(within(dialog).getByRole("button", { name: "Remove wave" }));
    expect(survey().waves.map((w) => w.name)).toEqual(["September"]);
    expect(screen.queryByRole("row", { name: "Wave January" })).not.toBeInTheDocument();
    act(() => store.getState().undo());
    expect(survey().waves.map((w) => w.name)).toEqual(["September", "January"]);
    expect(screen.getByRole("row", { name: "Wave January" })).toBeInTheDocument();
  });

  it("says how to get answers when there are none", async () => {
    await openSurvey();
    expect(screen.getByText(/No answers yet/)).toBeInTheDocument();
  });
});

describe("getting answers in", () => {
  it("opens the import wizard for survey answers", async () => {
    const { user, store } = await openSurvey();
    await user.click(screen.getByRole("button", { name: "Import answers…" }));
    expect(store.getState().dialog).toEqual({ kind: "importWizard", importKind: "survey", file: null });
  });

  it("opens the wizard on sample answers made for this roadmap's questionnaire", async () => {
    const { user, store, survey } = await openSurvey();
    await user.click(screen.getByRole("button", { name: "Try sample answers" }));
    await waitFor(() => expect(store.getState().dialog?.kind).toBe("importWizard"));
    const dialog = store.getState().dialog;
    if (dialog?.kind !== "importWizard" || !dialog.file) throw new Error("the wizard has no file");
    expect(dialog.importKind).toBe("survey");
    expect(dialog.file.name).toBe("sample-answers.csv");
    const header = new TextDecoder()
      .decode(dialog.file.bytes)
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0];
    for (const item of survey().items) expect(header).toContain(`${item.id}: ${item.text}`);
  });

  it("offers no sample answers while there is no questionnaire to answer", async () => {
    await openSurvey({ change: (r) => ({ ...r, survey: { ...r.survey, dimensions: [], items: [] } }) });
    expect(screen.getByRole("button", { name: "Try sample answers" })).toBeDisabled();
  });
});
