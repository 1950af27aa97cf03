// `npm run bench:edits`: what one edit costs on its way to the planning worker when the roadmap carries a
// 10,000-respondent survey wave. The worker is simulated in this thread: `structuredClone` is the copy
// postMessage makes (Chromium's and Node's are the same V8 serializer), then the worker's own handler plans.
// Beside it, in the same run, the protocol of issue 15, which posted the whole document on every edit.

import {
  createPlanner,
  createPlanRequestHandler,
  createWorkerPlanService,
  type PlanRequestMessage,
  type PlanResponseMessage,
} from "../renderer/features/plan/planService";
import { guessMapping } from "../shared/import/mapping";
import { readTable } from "../shared/import/table";
import type { Roadmap } from "../shared/model/schema";
import { createB2bSubscriptionRoadmap } from "../shared/model/templates/b2bSubscriptionSoftware";
import { surveyImportKind } from "../shared/survey/surveyImport";
import { surveyAnswersCsv } from "../shared/survey/surveyImportTesting";

const EDITS = 40;

async function roadmapWithWave(respondents: number): Promise<Roadmap> {
  const roadmap = createB2bSubscriptionRoadmap(new Date("2026-05-01T09:00:00.000Z"));
  const text = surveyAnswersCsv(roadmap, { respondents, seed: 1 });
  const read = await readTable("answers.csv", new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.error);
  const mapping = guessMapping(read.value, surveyImportKind.targets(roadmap), roadmap.importMappings.survey);
  const preview = surveyImportKind.preview(roadmap, read.value, mapping, "en-US");
  return surveyImportKind.apply(roadmap, preview.change, mapping);
}

/** The document after the `n`th edit: a communication's cost, then a phase's name, in turn; the survey untouched. */
function edited(roadmap: Roadmap, n: number): Roadmap {
  if (n % 2 === 0) {
    return {
      ...roadmap,
      communications: roadmap.communications.map((c, i) => (i === 0 ? { ...c, fixedCost: 100 + n } : c)),
    };
  }
  return { ...roadmap, phases: roadmap.phases.map((p, i) => (i === 0 ? { ...p, name: `Trial ${n}` } : p)) };
}

interface EditCost {
  copy: number;
  plan: number;
}

/** A worker that copies and handles each message at once, timing both. */
function timedWorker<Message>(handle: (message: Message) => PlanResponseMessage, costs: EditCost[]): Worker {
  const listeners: ((event: MessageEvent<PlanResponseMessage>) => void)[] = [];
  return {
    postMessage(message: Message) {
      const t0 = performance.now();
      const copy = structuredClone(message);
      const t1 = performance.now();
      const data = handle(copy);
      costs.push({ copy: t1 - t0, plan: performance.now() - t1 });
      for (const listener of listeners) listener({ data } as MessageEvent<PlanResponseMessage>);
    },
    addEventListener(type: string, listener: (event: MessageEvent<PlanResponseMessage>) => void) {
      if (type === "message") listeners.push(listener);
    },
    terminate() {},
  } as unknown as Worker;
}

/** Issue 15's protocol: the whole document in every message. */
function wholeDocumentWorker(costs: EditCost[]): (roadmap: Roadmap) => void {
  const plan = createPlanner();
  const worker = timedWorker(
    (message: { seq: number; roadmap: Roadmap }) => ({ seq: message.seq, ...plan(message.roadmap) }),
    costs,
  );
  let seq = 0;
  return (roadmap) => worker.postMessage({ seq: ++seq, roadmap });
}

function currentWorker(costs: EditCost[]): (roadmap: Roadmap) => void {
  const service = createWorkerPlanService(() => timedWorker<PlanRequestMessage>(createPlanRequestHandler(), costs));
  return (roadmap) => service.request(roadmap);
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

const roadmap = await roadmapWithWave(10_000);
const respondents = roadmap.survey.waves.reduce((sum, wave) => sum + wave.respondents.length, 0);
console.log(
  `B2B template with ${respondents.toLocaleString("en")} respondents; medians of ${EDITS} edits that keep the survey.\n`,
);
console.log("| Protocol | copy to the worker | planning in the worker | per edit | an edit of the survey |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, post] of [
  ["Whole document on every edit (issue 15)", wholeDocumentWorker],
  ["Survey only when it changed", currentWorker],
] as const) {
  const costs: EditCost[] = [];
  const request = post(costs);
  let current = roadmap;
  for (let n = 0; n <= EDITS; n++) {
    request(current);
    current = edited(current, n);
  }
  // The questionnaire's minimum, one number, is enough to make the survey another object.
  request({ ...current, survey: { ...current.survey, minimumRespondents: current.survey.minimumRespondents + 1 } });
  const edits = costs.slice(1, -1);
  const surveyEdit = costs.at(-1);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const copy = median(edits.map((c) => c.copy));
  const plan = median(edits.map((c) => c.plan));
  const total = median(edits.map((c) => c.copy + c.plan));
  console.log(
    `| ${name} | ${ms(copy)} | ${ms(plan)} | ${ms(total)} | ${ms((surveyEdit?.copy ?? 0) + (surveyEdit?.plan ?? 0))} |`,
  );
}
