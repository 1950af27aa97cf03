import { layoutLifecycle } from "../../../shared/layout/layoutLifecycle";
import type { Point } from "../../../shared/model";
import { err, ok, type Result } from "../../../shared/result";
import { PHASE_NODE_HEIGHT, PHASE_NODE_WIDTH } from "./canvasModel";
import type { LayoutRequest } from "./layoutService";

const USUAL_SIZE = { width: PHASE_NODE_WIDTH, height: PHASE_NODE_HEIGHT };

/** The lifecycle layout, with a failure of elkjs turned into a message for the user. */
export async function layOutSafely({ roadmap, sizes }: LayoutRequest): Promise<Result<Map<string, Point>, string>> {
  try {
    return ok(await layoutLifecycle(roadmap, (id) => sizes.get(id) ?? USUAL_SIZE));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
