import type { z } from "zod";

/** One thing wrong with a roadmap document: where (a JSON path) and what, in plain words. */
export interface RoadmapIssue {
  /** e.g. `phases[3].churnRate`; empty for the document as a whole. */
  path: string;
  /** e.g. `must be between 0 and 1, got 1.4`. */
  problem: string;
}

/** `phases[3].churnRate: must be between 0 and 1, got 1.4` */
export function describeIssue(issue: RoadmapIssue): string {
  return issue.path ? `${issue.path}: ${issue.problem}` : issue.problem;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Turns zod's issues into sentences that name the field and quote the value found there. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): RoadmapIssue[] {
  return issues.map((issue) => {
    const value = valueAt(input, issue.path);
    const path = formatPath(issue.path);
    if (issue.code === "invalid_type" && value === undefined) return { path, problem: "is required" };
    const problem = sentenceFor(issue);
    return {
      path,
      problem: value === undefined || issue.code === "custom" ? problem : `${problem}, got ${show(value)}`,
    };
  });
}

function sentenceFor(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith("Invalid")) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `must be ${nounFor(issue.expected)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      return "does not match any of the allowed shapes";
    default:
      return issue.message;
  }
}

function nounFor(expected: string): string {
  const nouns: Record<string, string> = {
    string: "text",
    number: "a number",
    boolean: "true or false",
    object: "an object",
    array: "a list",
    record: "an object",
  };
  return nouns[expected] ?? expected;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
