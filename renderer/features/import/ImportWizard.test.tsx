import { render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { eventually } from "../../../test/eventually";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { openTemplateInTestApp } from "../../test/fakes";
import { OBJECTIVE_WIZARD } from "./fakeImportKind";
import { ImportWizard } from "./ImportWizard";

const csv = (text: string) => ({ name: "objectives.csv", bytes: new TextEncoder().encode(text) });

const OBJECTIVES_CSV = csv(
  [
    "Stage;Goal;Team;E-mail",
    "Trial;Convert within 14 days;Marketing;ann@example.com",
    "Lapsed 6m+;Win back a third;Growth team;bob@example.com",
    "Somewhere;Unknown place;Marketing;cy@example.com",
    "Advocate;;Marketing;dee@example.com",
  ].join("\n"),
);

async function openWizard(file: { name: string; bytes: Uint8Array } | null = null) {
  const app = await openTemplateInTestApp();
  let cancelled = 0;
  render(
    <AppStoreProvider store={app.store}>
      <ImportWizard
        wizard={OBJECTIVE_WIZARD}
        file={file}
        onCancel={() => {
          cancelled += 1;
        }}
      />
    </AppStoreProvider>,
  );
  const dialog = screen.getByRole("dialog", { name: "Import objectives" });
  const step = (name: string) => within(dialog).findByRole("heading", { name });
  // The wizard focuses a step's heading just after it renders: wait for the focus, not only the heading.
  const focusedStep = async (name: string) => {
    const heading = await step(name);
    await waitFor(() => expect(heading).toHaveFocus());
  };
  return { ...app, dialog, step, focusedStep, cancelled: () => cancelled };
}

const button = (name: string) => screen.getByRole("button", { name });

describe("the import wizard", () => {
  it("keeps a file that cannot be read from going further, says why, and reads the next one chosen", async () => {
    const wizard = await openWizard();
    await wizard.focusedStep("Choose a file");
    wizard.queueTableOpen({ canceled: false, file: { name: "answers.xlsx", bytes: new Uint8Array([1, 2, 3]) } });
    await wizard.user.click(button("Choose a file…"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "answers.xlsx is not an Excel workbook (.xlsx) that can be opened. Choose another file.",
    );
    expect(await wizard.step("Choose a file")).toBeInTheDocument();

    wizard.queueTableOpen({ error: "You don't have permission to open “locked.csv”." });
    await wizard.user.click(button("Choose a file…"));
    expect(await screen.findByRole("alert")).toHaveTextContent("You don't have permission to open “locked.csv”.");

    wizard.queueTableOpen({ canceled: false, file: OBJECTIVES_CSV });
    await wizard.user.click(button("Choose a file…"));
    await wizard.focusedStep("What each column holds");
  });

  it("shows each column with its first values and the guessed target, leaving unknown columns out of the roadmap", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    await wizard.step("What each column holds");
    const row = (header: string) => screen.getByRole("row", { name: new RegExp(`^${header}`) });
    expect(row("Stage")).toHaveTextContent("Trial · Lapsed 6m+ · Somewhere");
    expect(within(row("E-mail")).getByRole("combobox")).toHaveDisplayValue("Not imported");
    expect(screen.getByRole("combobox", { name: "Stage imported as" })).toHaveDisplayValue("Phase (required)");
    expect(screen.getByRole("combobox", { name: "Goal imported as" })).toHaveDisplayValue("Objective (required)");
    expect(screen.getByRole("combobox", { name: "Team imported as" })).toHaveDisplayValue("Owner");
    expect(screen.getByText(/Columns left as “Not imported” are never stored in the roadmap/)).toBeInTheDocument();
    const groups = within(screen.getByRole("combobox", { name: "Stage imported as" })).getAllByRole("group");
    expect(groups.map((g) => g.getAttribute("label"))).toEqual(["Where", "What"]);
  });

  it("names the required targets no column is mapped to and will not go on without them", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    await wizard.step("What each column holds");
    await wizard.user.selectOptions(screen.getByRole("combobox", { name: "Stage imported as" }), "Not imported");
    expect(screen.getByRole("alert")).toHaveTextContent("No column is chosen for Phase, which the import needs.");
    expect(button("Next")).toBeDisabled();
    // A target takes one column: giving the objective's target to another column takes it from Goal.
    await wizard.user.selectOptions(
      screen.getByRole("combobox", { name: "E-mail imported as" }),
      "Objective (required)",
    );
    expect(screen.getByRole("combobox", { name: "Goal imported as" })).toHaveDisplayValue("Not imported");
    await wizard.user.selectOptions(screen.getByRole("combobox", { name: "E-mail imported as" }), "Not imported");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "No column is chosen for Phase and Objective, which the import needs.",
    );
  });

  it("lists every distinct value of the mapped columns with the roadmap's options, a way to create, and a way to refuse", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    await wizard.step("What each column holds");
    await wizard.user.click(button("Next"));
    await wizard.focusedStep("What the values mean");
    expect(screen.getByRole("combobox", { name: "Phase: Trial" })).toHaveDisplayValue("Trial");
    expect(screen.getByRole("combobox", { name: "Phase: Lapsed 6m+" })).toHaveDisplayValue("Lapsed");
    expect(screen.getByRole("combobox", { name: "Phase: Somewhere" })).toHaveDisplayValue("Refuse these rows");
    const team = screen.getByRole("combobox", { name: "Owner: Growth team" });
    expect(within(team).getByRole("option", { name: "Create new “Growth team”" })).toBeInTheDocument();
    expect(
      within(screen.getByRole("combobox", { name: "Phase: Trial" })).queryByRole("option", { name: /Create new/ }),
    ).toBeNull();
  });

  it("previews the summary, the counts and every problem by row and column, following the choices made", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    await wizard.step("What each column holds");
    await wizard.user.click(button("Next"));
    await wizard.step("What the values mean");
    await wizard.user.selectOptions(screen.getByRole("combobox", { name: "Phase: Lapsed 6m+" }), "Refuse these rows");
    await wizard.user.click(button("Next"));
    await wizard.focusedStep("Preview");
    expect(screen.getByText("1 objectives will be added to 1 phase of Acme.")).toBeInTheDocument();
    expect(screen.getByText(/will be imported/)).toHaveTextContent("1 row will be imported, 3 refused.");
    const problems = screen.getByRole("table", { name: "Problems" });
    const lines = within(problems)
      .getAllByRole("row")
      .map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(lines).toEqual([
      ["Row", "Column", "Value", "Problem"],
      ["3", "Stage", "Lapsed 6m+", "is not a phase of the roadmap"],
      ["4", "Stage", "Somewhere", "is not a phase of the roadmap"],
      ["5", "Goal", "", "is empty"],
    ]);
    expect(button("Import 1 objective")).toBeEnabled();
  });

  it("imports in one undo step, with the preview's settings, and changes nothing before that", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    const before = wizard.document();
    const undoSteps = wizard.store.getState().past.length;
    await wizard.step("What each column holds");
    await wizard.user.click(button("Next"));
    await wizard.step("What the values mean");
    await wizard.user.click(button("Next"));
    await wizard.step("Preview");
    await wizard.user.type(screen.getByRole("textbox", { name: "Prefix" }), "Q3: ");
    expect(wizard.document()).toBe(before);
    await wizard.user.click(button("Import 2 objectives"));
    const phase = (name: string) => wizard.document().phases.find((p) => p.name === name);
    expect(phase("Trial")?.objectives.at(-1)).toBe("Q3: Convert within 14 days");
    expect(phase("Lapsed")?.objectives.at(-1)).toBe("Q3: Win back a third");
    expect(wizard.document().importMappings.inventory.columns).toContainEqual({ header: "E-mail", target: "" });
    expect(wizard.store.getState().past.length).toBe(undoSteps + 1);
    wizard.store.getState().undo();
    expect(wizard.document().phases).toBe(before.phases);
    expect(wizard.document().importMappings).toBe(before.importMappings);
    // The roadmap as it was before the import is kept as a version too, beyond this session's undo.
    const kept = await eventually(async () => {
      const version = (await wizard.repository.listVersions(before.id)).find((v) => v.kind === "beforeImport");
      expect(version?.name).toBe("Before import");
      return version;
    });
    const loaded = await wizard.repository.loadVersion(kept?.id ?? "");
    expect(loaded.ok && loaded.value.roadmap).toEqual(before);
  });

  it("cancels with Escape at any step, leaving the roadmap as it was", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    const before = wizard.document();
    await wizard.step("What each column holds");
    await wizard.user.click(button("Next"));
    await wizard.step("What the values mean");
    await wizard.user.keyboard("{Escape}");
    expect(wizard.cancelled()).toBe(1);
    expect(wizard.document()).toBe(before);
    expect(wizard.store.getState().past).toHaveLength(0);
  });

  it("goes on with Enter from each step's heading, and back with Back", async () => {
    const wizard = await openWizard(OBJECTIVES_CSV);
    await wizard.focusedStep("What each column holds");
    await wizard.user.keyboard("{Enter}");
    await wizard.focusedStep("What the values mean");
    await wizard.user.keyboard("{Enter}");
    await wizard.focusedStep("Preview");
    await wizard.user.click(button("Back"));
    await wizard.focusedStep("What the values mean");
    await wizard.user.click(button("Next"));
    await wizard.step("Preview");
    await wizard.user.keyboard("{Enter}");
    expect(
      wizard
        .document()
        .phases.find((p) => p.name === "Trial")
        ?.objectives.at(-1),
    ).toBe("Convert within 14 days");
  });

  it("asks which sheet of a workbook to read, and reads the chosen one", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRows([["Read me"], ["This sheet has no data"]]);
    workbook.addWorksheet("Objectives").addRows([
      ["Lifecycle phase", "Goal"],
      ["Multi-product", "Cross-sell analytics"],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const wizard = await openWizard({ name: "plan.xlsx", bytes });
    await wizard.focusedStep("Choose a sheet");
    expect(screen.getByRole("combobox", { name: "Sheet" })).toHaveDisplayValue("Notes");
    await wizard.user.selectOptions(screen.getByRole("combobox", { name: "Sheet" }), "Objectives");
    await wizard.user.click(button("Next"));
    await wizard.step("What each column holds");
    expect(screen.getByText(/plan\.xlsx, sheet Objectives: 1 row\./)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Lifecycle phase imported as" })).toHaveDisplayValue(
      "Phase (required)",
    );
  });
});
