import type { NodeSize } from "../../../shared/layout/layoutLifecycle";
import { movePhases } from "../../../shared/model";
import type { SliceContext } from "../../app/appStore";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";

/** Auto-arrange, whose layout runs in a worker while the window stays usable. */
export interface ArrangeSlice {
  /** True while the layout is being computed: the toolbar says so and the command waits. */
  arranging: boolean;
  /**
   * Lays the open roadmap out along the lifecycle as one undo step; says
   * whether it moved the phases. A failure is told to the user and changes nothing.
   */
  arrangeLifecycle(sizes: ReadonlyMap<string, NodeSize>): Promise<boolean>;
}

export function createArrangeSlice({ set, get, services }: SliceContext): ArrangeSlice {
  return {
    arranging: false,
    arrangeLifecycle: async (sizes) => {
      const roadmap = selectViewedRoadmap(get());
      if (!roadmap || get().arranging) return false;
      set({ arranging: true });
      const laid = await services.layouter.layOut(roadmap, sizes);
      set({ arranging: false });
      if (!laid.ok) {
        get().notify({
          tone: "error",
          message: `Auto-arrange failed: ${laid.error}. The phases stay where they were.`,
        });
        return false;
      }
      // The user may have opened another roadmap while the layout ran; its phases are not these.
      if (get().document?.id !== roadmap.id) return false;
      get().edit((current) => movePhases(current, laid.value));
      return true;
    },
  };
}
