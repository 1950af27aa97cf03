import Papa from "papaparse";
import type { Roadmap } from "../model/schema";
import { mulberry32 } from "../model/testing/generateRoadmap";

/**
 * A marketing department's communication inventory for the roadmap, as a
 * spreadsheet saved as CSV with ";" (German Excel), for the import's
 * benchmark: its own header spellings ("Campaign", "Lifecycle phase", "Team",
 * "Medium", "Frequency", "Cost per send"), timings as people write them,
 * money in German notation, and a team and a medium the roadmap does not
 * have (their rows are refused until the user creates them). Same seed, same file.
 */
export function inventoryCsv(roadmap: Roadmap, options: { rows: number; seed: number }): string {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const timings = ["on entry", "on entry + 2 months", "monthly", "quarterly", "every 6 months", "month 5", "yearly"];
  const purposes = ["Welcome", "Cross-sell", "Retention", "Newsletter", "Survey / feedback", "Win-back"];
  const statuses = ["live", "", "planned", "Existing", "stopped"];
  const owners = [...roadmap.owners.map((owner) => owner.name), "Field marketing"];
  const channels = [...roadmap.channels.map((channel) => channel.name), "WhatsApp"];
  const euros = (value: number) =>
    value.toLocaleString("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rows = Array.from({ length: options.rows }, (_, i) => [
    `Campaign ${i + 1}`,
    pick(roadmap.phases).name,
    pick(owners),
    pick(channels),
    random() < 0.5 ? "All" : pick(roadmap.segments).name,
    pick(purposes),
    pick(timings),
    random() < 0.5 ? "" : `${euros(Math.round(random() * 5_000))} €`,
    random() < 0.5 ? "" : euros(random() * 3),
    `${(random() * 20).toFixed(1).replace(".", ",")} %`,
    pick(statuses),
    random() < 0.2 ? "Owned by the CRM team; check the list" : "",
  ]);
  return Papa.unparse(
    {
      fields: [
        "Campaign",
        "Lifecycle phase",
        "Team",
        "Medium",
        "Audience",
        "Objective",
        "Frequency",
        "Set-up cost",
        "Cost per send",
        "Response rate",
        "Status",
        "Comments",
      ],
      data: rows,
    },
    { delimiter: ";", newline: "\r\n" },
  );
}
