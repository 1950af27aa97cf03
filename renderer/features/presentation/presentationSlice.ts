import type { Roadmap } from "../../../shared/model";
import { presentationWalk } from "../../../shared/model/presentationWalk";
import type { SliceContext } from "../../app/appStore";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";

/**
 * What presentation mode shows, step by step: the roadmap's title, each phase
 * in walk order, then the plan's totals.
 */
export type PresentationStep =
  | { kind: "title" }
  | { kind: "phase"; phaseId: string; index: number }
  | { kind: "overview" };

/** The steps of a roadmap's presentation; never empty (a roadmap without phases still has its title and totals). */
export function presentationSteps(roadmap: Roadmap): PresentationStep[] {
  return [
    { kind: "title" },
    ...presentationWalk(roadmap).map((phaseId, index) => ({ kind: "phase" as const, phaseId, index })),
    { kind: "overview" },
  ];
}

/** Presentation mode: on or off, and which step it shows. It never changes the roadmap. */
export interface PresentationSlice {
  /** The step shown, counted from 0; null when not presenting. */
  presentingStep: number | null;
  startPresentation(): void;
  stopPresentation(): void;
  /** Shows that step, kept within the first and the last. */
  showStep(step: number): void;
}

export function createPresentationSlice({ set, get }: SliceContext): PresentationSlice {
  return {
    presentingStep: null,
    startPresentation: () => {
      if (!get().document) return;
      // Editing chrome (a dialog, the palette) does not follow the user into the room.
      set({ presentingStep: 0, dialog: null });
    },
    stopPresentation: () => set({ presentingStep: null }),
    showStep: (step) => {
      const roadmap = selectViewedRoadmap(get());
      if (!roadmap || get().presentingStep === null) return;
      const last = presentationSteps(roadmap).length - 1;
      set({ presentingStep: Math.max(0, Math.min(last, step)) });
    },
  };
}
