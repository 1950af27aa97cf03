import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { findCommand } from "../../app/commands";
import { openTemplateInTestApp } from "../../test/fakes";

describe("the survey files", () => {
  it("saves the questionnaire as a workbook named after the roadmap, with every statement", async () => {
    const app = await openTemplateInTestApp();
    expect(await app.store.getState().exportSurveyFile("questionnaire")).toBe(true);
    const [save] = app.saves;
    expect(save).toMatchObject({ kind: "xlsx", suggestedName: "Acme – questionnaire", handle: null });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(save?.contents as unknown as ArrayBuffer);
    const ids = workbook.getWorksheet("Questionnaire")?.getColumn(1).values.slice(2);
    expect(ids).toEqual(app.document().survey.items.map((item) => item.id));
    expect(app.store.getState().notices.at(-1)?.message).toBe("Exported the questionnaire to saved.roadmap.");
  });

  it("saves the blank answers file with the header row the import reads", async () => {
    const app = await openTemplateInTestApp();
    await app.store.getState().exportSurveyFile("blankAnswers");
    const [save] = app.saves;
    expect(save).toMatchObject({ kind: "csv", suggestedName: "Acme – blank answers" });
    expect(String(save?.contents)).toContain("trust-1: I can rely on the company to keep its promises.");
  });

  it("says why when the file cannot be written, and says nothing when the user cancels", async () => {
    const app = await openTemplateInTestApp();
    app.failNextSaves("the disk is full");
    expect(await app.store.getState().exportSurveyFile("questionnaire")).toBe(false);
    expect(app.store.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      message: "The questionnaire could not be exported: the disk is full",
    });
    const notices = app.store.getState().notices.length;
    app.cancelNextSaves();
    expect(await app.store.getState().exportSurveyFile("blankAnswers")).toBe(false);
    expect(app.store.getState().notices).toHaveLength(notices);
    expect(app.store.getState().exportingSurveyFile).toBeNull();
  });

  it("runs from the command Export questionnaire…, which waits for a questionnaire", async () => {
    const app = await openTemplateInTestApp();
    const command = findCommand("survey.exportQuestionnaire");
    expect(command.isEnabled(app.store.getState())).toBe(true);
    await command.perform(app.store.getState(), {});
    expect(app.saves.map((s) => s.kind)).toEqual(["xlsx"]);

    const roadmap = app.document();
    app.store.setState({ document: { ...roadmap, survey: { ...roadmap.survey, dimensions: [], items: [] } } });
    expect(command.isEnabled(app.store.getState())).toBe(false);
  });
});
