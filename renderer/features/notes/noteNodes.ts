import type { Roadmap } from "../../../shared/model";
import type { NoteFlowNode } from "./StickyNoteNode";

/** Canvas node ids of notes carry this prefix, so a note is never taken for a phase. */
export const NOTE_NODE_PREFIX = "note:";

export const noteNodeId = (noteId: string) => `${NOTE_NODE_PREFIX}${noteId}`;

/** The note id of a canvas node, or null when the node is a phase. */
export function noteIdOfNode(nodeId: string): string | null {
  return nodeId.startsWith(NOTE_NODE_PREFIX) ? nodeId.slice(NOTE_NODE_PREFIX.length) : null;
}

/**
 * The canvas's sticky notes: those on the canvas itself (notes stuck to an
 * element show as its badge), resolved ones only when asked for. A note that
 * did not change keeps its node object, as phases do.
 */
export function buildNoteNodes(
  roadmap: Roadmap,
  { selectedNoteId, showResolved }: { selectedNoteId: string | null; showResolved: boolean },
  previous: ReadonlyMap<string, unknown>,
): NoteFlowNode[] {
  return roadmap.stickyNotes.flatMap((note): NoteFlowNode[] => {
    if (note.anchor.kind !== "canvas" || (note.status === "resolved" && !showResolved)) return [];
    const id = noteNodeId(note.id);
    const selected = note.id === selectedNoteId;
    const old = previous.get(id) as NoteFlowNode | undefined;
    if (old && old.data.note === note && old.selected === selected) return [old];
    return [
      {
        id,
        type: "note",
        position: note.anchor.position,
        data: { note },
        selected,
        ariaLabel: `Note by ${note.author || "someone"}`,
        ...(old?.measured ? { measured: old.measured } : {}),
      },
    ];
  });
}
