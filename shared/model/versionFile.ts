import { describeIssue } from "./issues";
import { parseRoadmap } from "./parse";
import { type RoadmapVersion, RoadmapVersionSchema } from "./versions";

/** A version as a `.roadmap` file holds it, in its top-level `versions`: the file's roadmap is the one it belongs to. */
export const FileVersionSchema = RoadmapVersionSchema.omit({ roadmapId: true });
export type FileVersion = Omit<RoadmapVersion, "roadmapId">;

export interface FileVersions {
  versions: FileVersion[];
  /** One sentence per version left out, naming it and its first problem. */
  problems: string[];
}

/**
 * The versions a `.roadmap` file brings with it (its top-level `versions`,
 * absent in files saved without them). Each is checked on its own, its
 * document through `parseRoadmap` like any roadmap: a bad one is left out and
 * named in `problems`, and the rest, like the file's roadmap, are kept.
 */
export function readFileVersions(raw: unknown): FileVersions {
  if (raw === undefined) return { versions: [], problems: [] };
  if (!Array.isArray(raw)) return { versions: [], problems: ["“versions” is not a list, so no versions were read."] };
  const versions: FileVersion[] = [];
  const problems: string[] = [];
  raw.forEach((item, index) => {
    const name =
      typeof item === "object" && item !== null && typeof (item as { name?: unknown }).name === "string"
        ? `“${(item as { name: string }).name}”`
        : `version ${index + 1}`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(`${name} is not a version (it should be an object with a name, a date and a roadmap).`);
      return;
    }
    const checked = FileVersionSchema.safeParse(item);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      problems.push(`${name}: its ${issue?.path.join(".") || "entry"} ${issue?.message ?? "is not valid"}.`);
      return;
    }
    const document = parseRoadmap(checked.data.document);
    if (!document.ok) {
      const issue = document.error[0];
      problems.push(`${name}: its roadmap could not be read (${issue ? describeIssue(issue) : "unknown problem"}).`);
      return;
    }
    versions.push(checked.data);
  });
  return { versions, problems };
}
