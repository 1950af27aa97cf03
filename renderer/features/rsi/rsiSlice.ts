import type { SliceContext } from "../../app/appStore";

/** Which survey wave the RSI is shown for: a choice of this session, never saved in the roadmap. */
export interface RsiSlice {
  /** The wave picked in the RSI tab; null, or a wave no longer in the roadmap, means the latest. */
  rsiWaveId: string | null;
  showRsiWave(waveId: string | null): void;
}

export function createRsiSlice({ set }: SliceContext): RsiSlice {
  return {
    rsiWaveId: null,
    showRsiWave: (rsiWaveId) => set({ rsiWaveId }),
  };
}
