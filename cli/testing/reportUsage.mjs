// Loaded with `node --import` before the command under measurement: when the
// process ends it writes its peak resident memory where ROADMAP_USAGE_FILE
// says, and the CPU time it used, so a parent can read a child's peak, which
// Node does not report, and a time that does not depend on how busy the machine is.
import { writeFileSync } from "node:fs";

const target = process.env.ROADMAP_USAGE_FILE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}
