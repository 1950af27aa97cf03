import type { Roadmap, Survey, SurveyWave } from "../../../shared/model";
import { computeRsi, latestWave, previousWave, type RsiResult } from "../../../shared/survey/rsi";
import { useAppState } from "../../app/AppStoreContext";
import type { AppState } from "../../app/appStore";

/** The RSI of one wave, with the wave it is from. */
export interface WaveRsi {
  wave: SurveyWave;
  result: RsiResult;
}

interface Computed {
  phases: Roadmap["phases"];
  segments: Roadmap["segments"];
  shown: WaveRsi;
}

/**
 * Results by survey (a new object whenever the questionnaire or the answers
 * change) and wave. Phases and segments count only by id and order: moving a
 * phase on the canvas makes a new phases array but the same RSI.
 */
const computed = new WeakMap<Survey, Map<string, Computed>>();

/** The RSI of a wave of the roadmap, computed once for as long as its survey, phases and segments stay the same. */
export function waveRsi(roadmap: Roadmap, wave: SurveyWave): WaveRsi {
  let byWave = computed.get(roadmap.survey);
  if (!byWave) {
    byWave = new Map();
    computed.set(roadmap.survey, byWave);
  }
  const hit = byWave.get(wave.id);
  if (hit && sameIds(hit.phases, roadmap.phases) && sameIds(hit.segments, roadmap.segments)) {
    // Kept for the identity fast path next time.
    hit.phases = roadmap.phases;
    hit.segments = roadmap.segments;
    return hit.shown;
  }
  const shown = { wave, result: computeRsi(roadmap, wave.id) };
  byWave.set(wave.id, { phases: roadmap.phases, segments: roadmap.segments, shown });
  return shown;
}

/** The wave the RSI is shown for: the one picked in the RSI tab, or the latest. */
export function shownWave(roadmap: Roadmap, pickedWaveId: string | null): SurveyWave | null {
  return roadmap.survey.waves.find((wave) => wave.id === pickedWaveId) ?? latestWave(roadmap);
}

/** The RSI shown everywhere (canvas, inspector, RSI tab); null when the roadmap has no survey answers. */
export function selectRsi(state: Pick<AppState, "document" | "rsiWaveId">): WaveRsi | null {
  const roadmap = state.document;
  const wave = roadmap && shownWave(roadmap, state.rsiWaveId);
  return roadmap && wave ? waveRsi(roadmap, wave) : null;
}

/** The RSI of the wave dated before the one shown, for "compared with the previous wave". */
export function selectPreviousRsi(state: Pick<AppState, "document" | "rsiWaveId">): WaveRsi | null {
  const roadmap = state.document;
  const wave = roadmap && shownWave(roadmap, state.rsiWaveId);
  const previous = roadmap && wave && previousWave(roadmap, wave.id);
  return roadmap && previous ? waveRsi(roadmap, previous) : null;
}

export const useRsi = (): WaveRsi | null => useAppState(selectRsi);

export const usePreviousRsi = (): WaveRsi | null => useAppState(selectPreviousRsi);

function sameIds(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item.id === b[i]?.id));
}
