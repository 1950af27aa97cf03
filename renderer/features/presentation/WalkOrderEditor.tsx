import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { namesById, type Roadmap } from "../../../shared/model";
import { moveInWalk, presentationWalk } from "../../../shared/model/presentationWalk";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { CommandButton } from "../../app/CommandButton";
import { IconButton } from "../../ui/IconButton";
import { ArrowDownIcon, ArrowUpIcon, PresentIcon } from "../../ui/icons";

const WALK_DRAG_TYPE = "application/x-roadmap-walk";

/**
 * The order presentation mode walks the phases in, as a list to reorder: drag
 * a phase, or move it with Alt+↑/↓ or its buttons. Each move is one undo step
 * and is saved with the roadmap; Reset goes back to the lifecycle order.
 */
export function WalkOrderEditor({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const walk = presentationWalk(roadmap);
  const names = namesById(roadmap.phases);
  const stageOf = new Map(roadmap.phases.map((p) => [p.id, p.stageId]));
  const stages = new Map(roadmap.stages.map((s) => [s.id, s]));
  const [dropAt, setDropAt] = useState<number | null>(null);
  /** The phase the keyboard moved, to keep the keyboard on it once the list is drawn in its new order. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (focusId === null) return;
    list.current?.querySelector<HTMLElement>(`[data-walk-id="${CSS.escape(focusId)}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const move = (phaseId: string, toIndex: number) => {
    const walkOrder = moveInWalk(roadmap, phaseId, toIndex);
    if (walkOrder.join("\n") === walk.join("\n")) return;
    store.getState().edit((r) => ({ ...r, presentation: { ...r.presentation, walkOrder } }));
  };

  const onKeyDown = (event: KeyboardEvent, phaseId: string, index: number) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(phaseId, index + (event.key === "ArrowUp" ? -1 : 1));
    setFocusId(phaseId);
  };

  /** Where a drop over this item puts the dragged phase: before it in its top half, after it in its bottom half. */
  const targetIndex = (event: DragEvent<HTMLElement>, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? index : index + 1;
  };

  const onDrop = (event: DragEvent<HTMLElement>, index: number) => {
    const phaseId = event.dataTransfer.getData(WALK_DRAG_TYPE);
    setDropAt(null);
    if (!phaseId) return;
    event.preventDefault();
    const to = targetIndex(event, index);
    // The list closes up where the phase was taken from, so a drop below it lands one place higher.
    move(phaseId, to > walk.indexOf(phaseId) ? to - 1 : to);
  };

  return (
    <section className="walk-order" aria-labelledby="walk-order-title">
      <h3 className="inspector-section" id="walk-order-title">
        Presentation
      </h3>
      <p className="field-hint">
        The order phases are presented in. Drag a phase, or focus it and press Alt+↑ or Alt+↓.
      </p>
      <ol className="walk-order-list" ref={list} aria-label="Presentation order">
        {walk.map((phaseId, index) => (
          <li
            key={phaseId}
            data-walk-id={phaseId}
            className={[
              "walk-order-item",
              dropAt === index && "is-drop-before",
              dropAt === index + 1 && index === walk.length - 1 && "is-drop-after",
            ]
              .filter(Boolean)
              .join(" ")}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a list item the keyboard reorders with Alt+arrows.
            tabIndex={0}
            aria-label={`${index + 1}. ${names.get(phaseId) ?? phaseId}`}
            draggable
            onKeyDown={(event) => onKeyDown(event, phaseId, index)}
            onDragStart={(event) => {
              event.dataTransfer.setData(WALK_DRAG_TYPE, phaseId);
              event.dataTransfer.effectAllowed = "move";
            }}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(WALK_DRAG_TYPE)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = "move";
              setDropAt(targetIndex(event, index));
            }}
            onDragLeave={() => setDropAt(null)}
            onDrop={(event) => onDrop(event, index)}
          >
            <span className="walk-order-number">{index + 1}</span>
            <span
              className="walk-order-swatch"
              style={{ background: stages.get(stageOf.get(phaseId) ?? "")?.color ?? "#888888" }}
              aria-hidden="true"
            />
            <span className="walk-order-name">{names.get(phaseId)}</span>
            <span className="walk-order-buttons">
              {index > 0 && (
                <IconButton
                  label={`Move ${names.get(phaseId)} up`}
                  onClick={() => {
                    move(phaseId, index - 1);
                    setFocusId(phaseId);
                  }}
                >
                  <ArrowUpIcon />
                </IconButton>
              )}
              {index < walk.length - 1 && (
                <IconButton
                  label={`Move ${names.get(phaseId)} down`}
                  onClick={() => {
                    move(phaseId, index + 1);
                    setFocusId(phaseId);
                  }}
                >
                  <ArrowDownIcon />
                </IconButton>
              )}
            </span>
          </li>
        ))}
      </ol>
      <div className="walk-order-actions">
        <button
          type="button"
          className="button button-quiet"
          disabled={roadmap.presentation.walkOrder.length === 0}
          onClick={() => store.getState().edit((r) => ({ ...r, presentation: { ...r.presentation, walkOrder: [] } }))}
        >
          Reset to lifecycle order
        </button>
        <CommandButton id="view.present" className="button">
          <PresentIcon /> Present
        </CommandButton>
      </div>
    </section>
  );
}
