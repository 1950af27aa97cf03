import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { templateFacts, templateGalleryMarkdown, withGallerySection } from "../shared/export/templateGallery";
import { ROADMAP_TEMPLATES } from "../shared/model/templates";

describe("the README's template gallery", () => {
  it("quotes the numbers the engine computes for every template", async () => {
    const readme = await readFile("README.md", "utf8");
    const expected = withGallerySection(readme, templateGalleryMarkdown(ROADMAP_TEMPLATES));
    expect(expected, "README.md lacks the template-gallery markers").not.toBeNull();
    expect(readme, "run: node scripts/run-ts.mjs scripts/readmeTemplates.ts").toBe(expected);
  });

  it("lists every template with its own row and a budget in the template's currency", async () => {
    const readme = await readFile("README.md", "utf8");
    for (const template of ROADMAP_TEMPLATES) {
      const facts = templateFacts(template);
      const row = readme.split("\n").find((line) => line.startsWith(`| ${template.name} (\`${template.id}\`)`));
      expect(row, template.id).toBeDefined();
      const symbol = new Intl.NumberFormat("en-US", { style: "currency", currency: facts.currency })
        .formatToParts(0)
        .find((part) => part.type === "currency")?.value;
      expect(row, template.id).toContain(`${symbol}`);
      expect(facts.yearlyBudget, template.id).toBeGreaterThan(0);
    }
  });
});
