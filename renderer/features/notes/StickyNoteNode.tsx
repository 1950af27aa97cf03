import type { Node, NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { StickyNote } from "../../../shared/model";
import { NoteCard } from "./NoteCard";
import "./notes.css";

export interface StickyNoteNodeData extends Record<string, unknown> {
  note: StickyNote;
}

export type NoteFlowNode = Node<StickyNoteNodeData, "note">;

/** A sticky note on the canvas: dragged by its edge, its text typed in place. */
export const StickyNoteNode = memo(function StickyNoteNode({ data, selected }: NodeProps<NoteFlowNode>) {
  return (
    <section
      className={`sticky-note${selected ? " is-selected" : ""}${data.note.status === "resolved" ? " is-resolved" : ""}`}
      aria-label={`Note: ${data.note.text || "empty"}`}
    >
      <NoteCard note={data.note} />
    </section>
  );
});
