// Loaded with `node --import` before the command under measurement: when the
// process ends it writes its peak resident memory where ROADMAP_USAGE_FILE
// says, so a parent can read a child's peak, which Node does not report.
import { writeFileSync } from "node:fs";

const target = process.env.ROADMAP_USAGE_FILE;
if (target) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
