import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ROADMAP_TEMPLATES } from "../../../shared/model";
import { AppStoreProvider } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { renderApp } from "../../test/renderApp";
import { NumberLocaleContext } from "../../ui/numberLocale";
import { NewRoadmapDialog } from "./NewRoadmapDialog";

async function openDialog() {
  const user = userEvent.setup();
  const app = await renderApp();
  await user.click(screen.getByRole("button", { name: "New roadmap" }));
  return { user, ...app, dialog: screen.getByRole("dialog", { name: "New roadmap" }) };
}

const textbox = (dialog: HTMLElement, name: string) => within(dialog).getByRole("textbox", { name });

async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, text);
}

describe("the New roadmap gallery", () => {
  it("offers a blank roadmap and every template as a card with a drawn preview, name, industry and description", async () => {
    const { dialog } = await openDialog();
    const cards = within(dialog).getAllByRole("radio");
    expect(cards.map((card) => card.getAttribute("aria-label"))).toEqual([
      "Blank roadmap, Any industry",
      ...ROADMAP_TEMPLATES.map((t) => `${t.name}, ${t.industry}`),
    ]);
    ROADMAP_TEMPLATES.forEach((template, i) => {
      const card = cards[i + 1] as HTMLElement;
      expect(card).toHaveAccessibleDescription(template.description);
      const preview = within(card.closest("label") as HTMLElement).getByRole("img", {
        name: `Preview of the ${template.name} lifecycle`,
      });
      const svg = decodeURIComponent(
        preview.getAttribute("src")?.replace(/^data:image\/svg\+xml;charset=utf-8,/, "") ?? "",
      );
      const roadmap = template.create();
      expect(svg).toMatch(/^<svg/);
      expect(svg).toContain(`<title>${roadmap.name}</title>`);
      expect(svg.match(/class="transition[ "]/g)).toHaveLength(roadmap.transitions.length);
    });
  });

  it("moves between cards with the arrow keys and creates the chosen one with Enter, with the typed settings", async () => {
    const { user, dialog, store } = await openDialog();
    await user.type(textbox(dialog, "Client"), "Contoso Bank");
    const currency = textbox(dialog, "Currency");
    await retype(user, currency, "chf");
    const start = textbox(dialog, "Start month");
    await retype(user, start, "2028-04");
    const horizon = textbox(dialog, "Horizon (months)");
    await retype(user, horizon, "36");

    within(dialog).getByRole("radio", { checked: true }).focus();
    expect(within(dialog).getByRole("radio", { checked: true })).toHaveAccessibleName(/^B2B subscription software/);
    await user.keyboard("{ArrowRight}");
    const chosen = within(dialog).getByRole("radio", { checked: true });
    expect(chosen).toHaveAccessibleName("Retail banking, Banking");
    expect(chosen).toHaveFocus();
    await user.keyboard("{ArrowLeft}{ArrowLeft}{ArrowRight}{ArrowRight}{Enter}");

    await waitFor(() => expect(store.getState().screen.kind).toBe("editor"));
    expect(store.getState().document).toMatchObject({
      name: "Retail banking — current account to main bank",
      client: "Contoso Bank",
      currency: "CHF",
      startMonth: "2028-04",
      horizonMonths: 36,
    });
  });

  it("names the field and the value of a bad currency, start month or horizon, and creates nothing", async () => {
    const { user, dialog, store } = await openDialog();
    const currency = textbox(dialog, "Currency");
    await retype(user, currency, "EURO");
    const horizon = textbox(dialog, "Horizon (months)");
    await retype(user, horizon, "12x");
    await user.click(within(dialog).getByRole("button", { name: "Create roadmap" }));

    expect(currency).toHaveAccessibleDescription(
      'Currency must be a three-letter currency code like "EUR", got "EURO".',
    );
    expect(currency).toHaveFocus();
    expect(horizon).toHaveAccessibleDescription(/^Horizon must be a number, not “12x”/);
    expect(screen.getByRole("dialog", { name: "New roadmap" })).toBeInTheDocument();
    expect(store.getState().summaries).toEqual([]);

    const start = textbox(dialog, "Start month");
    await retype(user, start, "9999-06");
    await retype(user, horizon, "12");
    await user.tab();
    expect(horizon).toHaveAccessibleDescription("Horizon must end by 9999-12: 12 months from 9999-06 go beyond it.");
    expect(store.getState().summaries).toEqual([]);
  });

  it("says which one-off communications a shorter horizon moves into its last month, before and after creating", async () => {
    const { user, dialog, store } = await openDialog();
    const horizon = textbox(dialog, "Horizon (months)");
    await retype(user, horizon, "6");
    const note = within(dialog).getByRole("status");
    expect(note).toHaveTextContent(
      "1 one-off communication falls after the 6-month horizon and moves into its last month, month 6: “Customer conference invitation” (planned for month 9).",
    );
    await user.click(within(dialog).getByRole("button", { name: "Create roadmap" }));
    await waitFor(() => expect(store.getState().screen.kind).toBe("editor"));
    const conference = store
      .getState()
      .document?.communications.find((c) => c.name === "Customer conference invitation");
    expect(conference?.timing).toEqual({ kind: "oneOff", month: 5 });
    expect(store.getState().notices.map((n) => n.message)).toContain(note.textContent);
  });

  it("shows and reads the horizon in the user's locale", async () => {
    const user = userEvent.setup();
    const app = createTestApp();
    render(
      <AppStoreProvider store={app.store}>
        <NumberLocaleContext.Provider value="ar-EG">
          <NewRoadmapDialog templates={ROADMAP_TEMPLATES} />
        </NumberLocaleContext.Provider>
      </AppStoreProvider>,
    );
    const horizon = screen.getByRole("textbox", { name: "Horizon (months)" });
    expect(horizon).toHaveValue("٢٤");
    await retype(user, horizon, "٣٦");
    await user.click(screen.getByRole("button", { name: "Create roadmap" }));
    await waitFor(() => expect(app.store.getState().summaries).toHaveLength(1));
    const [summary] = app.store.getState().summaries;
    const loaded = summary ? await app.repository.loadRoadmap(summary.id) : null;
    expect(loaded?.ok && loaded.value.roadmap.horizonMonths).toBe(36);
  });
});
