import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { addPhase, diffRoadmaps, type Roadmap, type RoadmapDifference, updateCommunication } from "../../shared/model";
import { sampleRoadmap } from "../../shared/model/testing/sampleRoadmap";
import { AppStoreProvider } from "../app/AppStoreContext";
import { createTestApp } from "../test/fakes";
import { DIFFERENCES_SHOWN, DifferenceList } from "./DifferenceList";

function renderWithApp(children: ReactNode, { showCosts = true } = {}) {
  const app = createTestApp();
  app.store.getState().setPreference("showCosts", showCosts);
  return render(<AppStoreProvider store={app.store}>{children}</AppStoreProvider>);
}

/** A row as the user reads it on screen: without the words only a screen reader hears. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll(".visually-hidden")) hidden.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

function rowsOf(group: string): string[] {
  const region = screen.getByRole("region", { name: new RegExp(`^${group}`) });
  return within(region).getAllByRole("listitem").map(visibleText);
}

const before = sampleRoadmap();

describe("DifferenceList", () => {
  it("groups differences under headings with counts, settings first, and writes each as verb · item · field: old → new", () => {
    const added = addPhase(before, { stageId: "retain", position: { x: 600, y: 0 }, name: "Loyal" });
    const after: Roadmap = {
      ...updateCommunication(added.roadmap, "comm-welcome", { responseRate: 0.12 }),
      contactCap: 6,
    };
    renderWithApp(<DifferenceList differences={diffRoadmaps(before, after)} roadmap={after} />);
    expect(screen.getAllByRole("heading").map((h) => h.textContent)).toEqual([
      "Settings (1 difference)",
      "Phases (1 difference)",
      "Communications (1 difference)",
    ]);
    expect(rowsOf("Settings")).toEqual(["Changed · Contact cap: 4 → 6"]);
    expect(rowsOf("Phases")).toEqual(["Added · Loyal (phase)"]);
    expect(rowsOf("Communications")).toEqual(["Changed · Welcome email · Response rate: 10 % → 12 %"]);
  });

  it("marks added and removed items in words, not only in colour", () => {
    const after: Roadmap = {
      ...before,
      communications: [],
      roles: [...before.roles, { id: "role-user", name: "User" }],
    };
    renderWithApp(<DifferenceList differences={diffRoadmaps(before, after)} roadmap={after} />);
    const removed = within(screen.getByRole("region", { name: /^Communications/ })).getByRole("listitem");
    expect(visibleText(removed)).toBe("Removed · Welcome email (communication)");
    expect(removed).toHaveClass("difference-removed");
    const added = within(screen.getByRole("region", { name: /^Roles/ })).getByRole("listitem");
    expect(visibleText(added)).toBe("Added · User (role)");
    expect(added).toHaveClass("difference-added");
  });

  it("writes money in the roadmap's currency, and hides it while costs are hidden", () => {
    const after = updateCommunication(before, "comm-welcome", { valuePerResponse: 30 });
    const differences = diffRoadmaps(before, after);
    const shown = renderWithApp(<DifferenceList differences={differences} roadmap={after} />);
    expect(rowsOf("Communications")[0]).toMatch(
      /^Changed · Welcome email · Value per response: €20(\.00)? → €30(\.00)?$/,
    );
    shown.unmount();
    const { container } = renderWithApp(<DifferenceList differences={differences} roadmap={after} />, {
      showCosts: false,
    });
    expect(rowsOf("Communications")).toEqual(["Changed · Welcome email · Value per response: Costs are hidden"]);
    expect(container.textContent).not.toMatch(/€|20|30/);
  });

  it("shows the first rows of a long group and the rest on asking", async () => {
    const total = DIFFERENCES_SHOWN + 12;
    const differences: RoadmapDifference[] = Array.from({ length: total }, (_, i) => ({
      kind: "added",
      collection: "communications",
      id: `comm-${i}`,
      label: `Communication ${i + 1}`,
      field: null,
    }));
    renderWithApp(<DifferenceList differences={differences} roadmap={before} />);
    expect(rowsOf("Communications")).toHaveLength(DIFFERENCES_SHOWN);
    await userEvent.setup().click(screen.getByRole("button", { name: `Show all ${total}` }));
    const rows = rowsOf("Communications");
    expect(rows).toHaveLength(total);
    expect(rows.at(-1)).toBe(`Added · Communication ${total} (communication)`);
    expect(screen.queryByRole("button", { name: /Show all/ })).toBeNull();
  });

  it("says so when nothing differs", () => {
    renderWithApp(<DifferenceList differences={[]} roadmap={before} emptyText="The two versions are the same." />);
    expect(screen.getByText("The two versions are the same.")).toBeInTheDocument();
    expect(screen.queryByRole("heading")).toBeNull();
  });

  it("names each group by its own heading when two lists share a page", () => {
    const lean = updateCommunication(before, "comm-welcome", { responseRate: 0.12 });
    const asIs = updateCommunication(before, "comm-welcome", { responseRate: 0.05 });
    renderWithApp(
      <>
        <DifferenceList differences={diffRoadmaps(before, lean)} roadmap={lean} />
        <DifferenceList differences={diffRoadmaps(before, asIs)} roadmap={asIs} />
      </>,
    );
    const headingIds = screen.getAllByRole("heading").map((heading) => heading.id);
    expect(new Set(headingIds).size).toBe(headingIds.length);
    const regions = screen.getAllByRole("region", { name: /^Communications/ });
    expect(regions.map((region) => within(region).getAllByRole("listitem").map(visibleText))).toEqual([
      ["Changed · Welcome email · Response rate: 10 % → 12 %"],
      ["Changed · Welcome email · Response rate: 10 % → 5 %"],
    ]);
  });

  it("writes why a communication differs under its first row only, when given a reason for it", () => {
    const after: Roadmap = {
      ...updateCommunication(before, "comm-welcome", { responseRate: 0.12, valuePerResponse: 30 }),
      contactCap: 6,
    };
    renderWithApp(
      <DifferenceList
        differences={diffRoadmaps(before, after)}
        roadmap={after}
        reasons={{ "comm-welcome": "one-to-one instead of mass: €2.10 back per €" }}
      />,
    );
    const rows = rowsOf("Communications");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^Changed · Welcome email · .*Why: one-to-one instead of mass: €2\.10 back per €$/);
    expect(rows[1]).not.toContain("Why");
    expect(rowsOf("Settings")).toEqual(["Changed · Contact cap: 4 → 6"]);
  });
});
