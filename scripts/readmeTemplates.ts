// `node scripts/run-ts.mjs scripts/readmeTemplates.ts`: rewrites the README's table of the template gallery
// from the engine's numbers (cli/readmeTemplates.test.ts fails while the README's copy differs).
import { readFileSync, writeFileSync } from "node:fs";
import { templateGalleryMarkdown, withGallerySection } from "../shared/export/templateGallery";
import { ROADMAP_TEMPLATES } from "../shared/model/templates";

const readme = readFileSync("README.md", "utf8");
const updated = withGallerySection(readme, templateGalleryMarkdown(ROADMAP_TEMPLATES));
if (updated === null) {
  console.error("README.md has no template-gallery section markers");
  process.exit(1);
}
writeFileSync("README.md", updated);
console.log(
  updated === readme ? "README.md: template gallery already up to date" : "README.md: template gallery updated",
);
