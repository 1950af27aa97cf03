import {
  type Alignment,
  addPhase,
  addPhaseBeside,
  alignPhases,
  communicationsOnPhases,
  connectPhases,
  copyPhases,
  DUPLICATE_OFFSET,
  deleteElements,
  distributePhases,
  freeSpotNear,
  moveNote,
  movePhases,
  type OrphanedCommunications,
  type PhaseClip,
  type Point,
  parsePhaseClip,
  pastePhases,
  startingCustomersOf,
  transitionsDeletedWith,
  updateCommunication,
  updatePhase,
} from "../../../shared/model";
import type { AppState } from "../../app/appStore";
import { EMPTY_SELECTION } from "../editor/editorSlice";
import { selectViewedRoadmap } from "../editor/viewedRoadmap";
import { canvasController } from "./canvasController";
import { type Direction, GRID, nearestPhaseInDirection, PHASE_NODE_HEIGHT, PHASE_NODE_WIDTH } from "./canvasModel";

/**
 * What the canvas's commands do, as functions of the store's state. The
 * toolbar, context menus, keyboard and native menu all call these.
 */

const sizeOf = (phaseId: string) =>
  canvasController()?.sizeOf(phaseId) ?? { width: PHASE_NODE_WIDTH, height: PHASE_NODE_HEIGHT };

const snap = ({ x, y }: Point): Point => ({ x: Math.round(x / GRID) * GRID, y: Math.round(y / GRID) * GRID });

const NEW_PHASE = { width: PHASE_NODE_WIDTH, height: PHASE_NODE_HEIGHT };

/** A phase drawn zoomed out measures smaller than it will be drawn in full; room is kept for the full one. */
const fullSizeOf = (phaseId: string) => {
  const measured = sizeOf(phaseId);
  return { width: Math.max(measured.width, PHASE_NODE_WIDTH), height: Math.max(measured.height, PHASE_NODE_HEIGHT) };
};

/** How far right of the selected phase "Add phase" puts the next one: room for a transition and its rate. */
const BESIDE_DISTANCE = 4 * GRID;

/**
 * Adds a phase and opens its name for typing. Centred on `position` when the
 * user pointed at a spot (double-click, a stage dropped, "Add phase here");
 * otherwise (toolbar, palette, command) beside the selected phase, as the next
 * step of the lifecycle (`addPhaseBeside`), or in the middle of the view when
 * nothing is selected, moved aside from any phase already there so that the
 * new one is never hidden under it.
 */
export function addPhaseAt(state: AppState, position?: Point, stageId?: string): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  const selected = state.selection.phaseIds.at(-1);
  if (!position && !stageId && selected) {
    const beside = addPhaseBeside(roadmap, selected, NEW_PHASE, fullSizeOf, {
      step: GRID,
      gap: GRID,
      distance: BESIDE_DISTANCE,
    });
    if (beside) {
      state.edit(() => beside.roadmap, { select: { phaseIds: [beside.phaseId], transitionIds: [] } });
      state.setRenamingPhase(beside.phaseId);
      // Beside the selection may be off screen; the view follows the new phase once the canvas has drawn it.
      requestAnimationFrame(() => canvasController()?.revealPhase(beside.phaseId));
      return;
    }
  }
  const stage = stageId ?? roadmap.stages[0]?.id;
  if (!stage) return;
  const centredOn = (point: Point) => snap({ x: point.x - PHASE_NODE_WIDTH / 2, y: point.y - PHASE_NODE_HEIGHT / 2 });
  const at = position
    ? centredOn(position)
    : freeSpotNear(roadmap, centredOn(canvasController()?.viewportCenter() ?? { x: 0, y: 0 }), NEW_PHASE, fullSizeOf, {
        step: GRID,
        gap: GRID,
      });
  const { roadmap: next, phaseId } = addPhase(roadmap, { stageId: stage, position: at });
  state.edit(() => next, { select: { phaseIds: [phaseId], transitionIds: [] } });
  state.setRenamingPhase(phaseId);
}

export function renamePhase(state: AppState, phaseId: string, name: string): void {
  state.edit((roadmap) => updatePhase(roadmap, phaseId, { name }));
}

export function connect(state: AppState, from: string, to: string): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  const result = connectPhases(roadmap, from, to);
  if (!result.ok) {
    state.notify({ tone: "error", message: result.error });
    return;
  }
  state.edit(() => result.value.roadmap, { select: { phaseIds: [], transitionIds: [result.value.transitionId] } });
}

/** Phases and canvas notes dragged together land together, as one undo step. */
export function moveDraggedPhases(
  state: AppState,
  positions: ReadonlyMap<string, Point>,
  notePositions: ReadonlyMap<string, Point> = new Map(),
): void {
  state.edit((roadmap) =>
    [...notePositions].reduce((next, [noteId, at]) => moveNote(next, noteId, at), movePhases(roadmap, positions)),
  );
}

/**
 * Deletes the selection. When selected phases carry communications or
 * transitions the user is asked first, seeing the transitions that go and
 * choosing whether the communications go too or move to another phase.
 */
export function deleteSelection(state: AppState): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  const { phaseIds, transitionIds } = state.selection;
  if (phaseIds.length === 0 && transitionIds.length === 0) {
    if (state.selectedNoteId) state.deleteNote(state.selectedNoteId);
    return;
  }
  const carried =
    communicationsOnPhases(roadmap, phaseIds).length +
    transitionsDeletedWith(roadmap, { phaseIds, transitionIds: [] }).length;
  if (carried > 0) {
    state.openDialog({ kind: "deletePhases", phaseIds: [...phaseIds], transitionIds: [...transitionIds] });
    return;
  }
  state.edit((r) => deleteElements(r, { phaseIds, transitionIds }), { select: EMPTY_SELECTION });
}

export function deletePhasesResolved(
  state: AppState,
  phaseIds: readonly string[],
  transitionIds: readonly string[],
  communications: OrphanedCommunications,
): void {
  state.closeDialog();
  state.edit((r) => deleteElements(r, { phaseIds, transitionIds }, communications), { select: EMPTY_SELECTION });
}

export function duplicateSelection(state: AppState): void {
  const clip = copySelection(state);
  if (clip) pasteOrAsk(state, clip, DUPLICATE_OFFSET, "duplicate");
}

export function selectAll(state: AppState): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  state.select({ phaseIds: roadmap.phases.map((p) => p.id), transitionIds: roadmap.transitions.map((t) => t.id) });
}

/** Clip of the selected phases, or null when no phase is selected. */
export function copySelection(state: AppState): PhaseClip | null {
  const roadmap = selectViewedRoadmap(state);
  return roadmap ? copyPhases(roadmap, state.selection.phaseIds) : null;
}

let pasteCount = 0;
let lastPastedText = "";

/** Pastes clipboard text; repeated pastes of the same phases step further down and right. */
export function pasteText(state: AppState, text: string): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  const clip = parsePhaseClip(text);
  if (!clip.ok) {
    state.notify({ tone: "error", message: clip.error });
    return;
  }
  pasteCount = text === lastPastedText ? pasteCount + 1 : 1;
  lastPastedText = text;
  const fromThisRoadmap = clip.value.phases.every((p) => roadmap.phases.some((q) => q.id === p.id));
  const offset = fromThisRoadmap
    ? { x: DUPLICATE_OFFSET.x * pasteCount, y: DUPLICATE_OFFSET.y * pasteCount }
    : pasteOffsetToViewport(clip.value);
  pasteOrAsk(state, clip.value, offset, "paste");
}

/**
 * Pastes (or duplicates) phases that hold no customers at once. Phases that do
 * first ask whether their starting customers come along, since pasting them
 * adds to the client's customer base.
 */
function pasteOrAsk(state: AppState, clip: PhaseClip, offset: Point, action: "paste" | "duplicate"): void {
  if (startingCustomersOf(clip).total > 0) state.openDialog({ kind: "pastePhases", clip, offset, action });
  else pasteClip(state, clip, offset, false);
}

/** Pastes copies of the clip's phases, selected, as one undo step; the answer of the paste dialog lands here. */
export function pasteClip(state: AppState, clip: PhaseClip, offset: Point, withStartingCustomers: boolean): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  if (state.dialog?.kind === "pastePhases") state.closeDialog();
  const result = pastePhases(roadmap, clip, offset, { withStartingCustomers });
  state.edit(() => result.roadmap, { select: { phaseIds: result.phaseIds, transitionIds: [] } });
}

/** Phases from another roadmap land in the middle of what the user is looking at. */
function pasteOffsetToViewport(clip: PhaseClip): Point {
  const center = canvasController()?.viewportCenter() ?? { x: 0, y: 0 };
  const xs = clip.phases.map((p) => p.position.x);
  const ys = clip.phases.map((p) => p.position.y);
  return snap({
    x: center.x - (Math.min(...xs) + Math.max(...xs) + PHASE_NODE_WIDTH) / 2,
    y: center.y - (Math.min(...ys) + Math.max(...ys) + PHASE_NODE_HEIGHT) / 2,
  });
}

export function align(state: AppState, alignment: Alignment): void {
  state.edit((roadmap) => alignPhases(roadmap, state.selection.phaseIds, alignment, sizeOf));
}

export function distribute(state: AppState, axis: "horizontal" | "vertical"): void {
  state.edit((roadmap) => distributePhases(roadmap, state.selection.phaseIds, axis, sizeOf));
}

/** Lays the whole roadmap out along the lifecycle, as one undo step. */
export async function autoArrange(state: AppState): Promise<void> {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap || roadmap.phases.length === 0) return;
  const sizes = new Map(roadmap.phases.map((phase) => [phase.id, fullSizeOf(phase.id)]));
  if (await state.arrangeLifecycle(sizes)) requestAnimationFrame(() => canvasController()?.fitView());
}

/** Arrow keys: select the nearest phase in that direction (or the first phase when none is selected). */
export function moveSelectionFocus(state: AppState, direction: Direction): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  const from = state.selection.phaseIds.at(-1);
  const next = from ? nearestPhaseInDirection(roadmap, from, direction) : roadmap.phases[0]?.id;
  if (!next) return;
  state.select({ phaseIds: [next], transitionIds: [] });
  canvasController()?.revealPhase(next);
}

/** Shift+arrow keys: nudge the selected phases by one grid step. */
export function nudgeSelection(state: AppState, direction: Direction): void {
  const roadmap = selectViewedRoadmap(state);
  if (!roadmap) return;
  const { dx, dy } = {
    left: { dx: -GRID, dy: 0 },
    right: { dx: GRID, dy: 0 },
    up: { dx: 0, dy: -GRID },
    down: { dx: 0, dy: GRID },
  }[direction];
  const selected = new Set(state.selection.phaseIds);
  const positions = new Map(
    roadmap.phases.filter((p) => selected.has(p.id)).map((p) => [p.id, { x: p.position.x + dx, y: p.position.y + dy }]),
  );
  state.edit((r) => movePhases(r, positions), { coalesceKey: `nudge:${[...selected].join(",")}` });
}

/** A communication dropped on a phase moves there; the phase is selected so the user sees it arrive. */
export function moveCommunicationToPhase(state: AppState, communicationId: string, phaseId: string): void {
  const communication = selectViewedRoadmap(state)?.communications.find((c) => c.id === communicationId);
  if (!communication || communication.phaseId === phaseId) return;
  // Dropped on something else than a phase (a sticky note): nowhere to move it.
  if (!state.document?.phases.some((p) => p.id === phaseId)) return;
  state.edit((r) => updateCommunication(r, communicationId, { phaseId }), {
    select: { phaseIds: [phaseId], transitionIds: [] },
  });
}
