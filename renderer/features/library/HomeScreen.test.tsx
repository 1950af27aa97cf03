import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/renderApp";

describe("home screen", () => {
  it("offers the template and a blank roadmap when the library is empty, and opens what it creates", async () => {
    const user = userEvent.setup();
    const { store } = await renderApp();
    expect(screen.getByRole("heading", { name: "Map your client's customer lifecycle" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Start from “B2B subscription software”" }));
    await waitFor(() => expect(store.getState().screen.kind).toBe("editor"));
    await user.click(screen.getByRole("tab", { name: "Outline" }));
    expect(await screen.findByRole("article", { name: "Phase Trial" })).toBeInTheDocument();
  });

  it("shows how many versions each roadmap has and the space they take, and the total", async () => {
    const { store } = await renderApp();
    const acme = await act(() => store.getState().createRoadmap({ name: "Acme", client: "", templateId: null }));
    await act(() => store.getState().createRoadmap({ name: "Bare", client: "", templateId: null }));
    await act(() => store.getState().openRoadmap(acme));
    await act(async () => {
      await store.getState().saveVersion({ name: "First", note: "" });
      await store.getState().saveVersion({ name: "Second", note: "" });
    });
    const bytes = store.getState().versions.reduce((sum, v) => sum + v.sizeBytes, 0);
    await act(() => store.getState().closeRoadmap());

    const kilobytes = `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
    const row = (name: string) => screen.getByRole("button", { name }).closest("tr") as HTMLElement;
    expect(within(row("Acme")).getByRole("cell", { name: `2 versions · ${kilobytes}` })).toBeInTheDocument();
    const versionsColumn = screen.getAllByRole("columnheader").findIndex((header) => header.textContent === "Versions");
    expect(within(row("Bare")).getAllByRole("cell")[versionsColumn]).toHaveTextContent(/^—$/);
    expect(
      screen.getByText(`2 roadmaps · 2 versions · ${kilobytes} · kept on this computer, works offline`),
    ).toBeInTheDocument();
  });

  it("renames a roadmap with F2 and Enter", async () => {
    const user = userEvent.setup();
    const { store } = await renderApp();
    await act(() => store.getState().createRoadmap({ name: "Draft", client: "Acme", templateId: null }));

    await user.click(screen.getByRole("button", { name: "Draft" }));
    await waitFor(() => expect(store.getState().screen.kind).toBe("editor"));
    await user.click(screen.getByRole("button", { name: "Back to roadmaps" }));

    screen.getByRole("button", { name: "Draft" }).focus();
    await user.keyboard("{F2}");
    const field = screen.getByRole("textbox", { name: "New name for Draft" });
    await user.clear(field);
    await user.type(field, "Acme lifecycle{Enter}");
    expect(await screen.findByRole("button", { name: "Acme lifecycle" })).toBeInTheDocument();
  });

  it("keeps the rename field open with the reason when the name is empty", async () => {
    const user = userEvent.setup();
    const { store } = await renderApp();
    await act(() => store.getState().createRoadmap({ name: "Draft", client: "", templateId: null }));

    await user.click(screen.getByRole("button", { name: "Rename Draft" }));
    const field = screen.getByRole("textbox", { name: "New name for Draft" });
    await user.clear(field);
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("The name must not be empty.");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(store.getState().summaries[0]?.name).toBe("Draft");

    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Draft" })).toBeInTheDocument();
  });

  it("lists each roadmap's client and phase count", async () => {
    const { store } = await renderApp();
    await act(() =>
      store.getState().createRoadmap({ name: "Bank", client: "Northwind", templateId: "b2b-subscription-software" }),
    );
    const row = screen.getAllByTestId("roadmap-row")[0];
    if (!row) throw new Error("no row");
    const cells = within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual(["Bank", "Northwind", String(store.getState().summaries[0]?.phaseCount)]);
  });

  it("shows why an import was refused, field by field", async () => {
    const user = userEvent.setup();
    const { store, queueOpen } = await renderApp();
    queueOpen({
      canceled: false,
      file: { handle: "upload", name: "broken.roadmap", text: '{"schemaVersion": 1}', sizeInBytes: 20 },
    });
    await user.click(screen.getByRole("button", { name: "Import .roadmap…" }));

    const dialog = await screen.findByRole("alertdialog", { name: "Could not import broken.roadmap" });
    expect(dialog).toHaveTextContent("your library is unchanged");
    expect(dialog).toHaveTextContent('type: must be "relationship-roadmap"');
    await user.click(within(dialog).getByRole("button", { name: "OK" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(store.getState().summaries).toEqual([]);
  });

  it("creates a named roadmap from the New roadmap dialog", async () => {
    const user = userEvent.setup();
    const { store } = await renderApp();
    await user.click(screen.getByRole("button", { name: "New roadmap" }));
    const dialog = screen.getByRole("dialog", { name: "New roadmap" });
    await user.type(within(dialog).getByRole("textbox", { name: "Name" }), "Wealth clients");
    await user.type(within(dialog).getByRole("textbox", { name: "Client" }), "Fabrikam");
    await user.click(within(dialog).getByRole("radio", { name: /Blank roadmap/ }));
    await user.click(within(dialog).getByRole("button", { name: "Create roadmap" }));
    await waitFor(() => expect(store.getState().document?.name).toBe("Wealth clients"));
    expect(store.getState().document?.client).toBe("Fabrikam");
    expect(store.getState().document?.phases).toEqual([]);
  });
});
