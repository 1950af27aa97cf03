import { type KeyboardEvent, type PointerEvent, useRef } from "react";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { INSPECTOR_WIDTH } from "../../data/preferencesStorage";

/** One arrow press widens or narrows by this much; Page Up/Down by four times as much. */
const KEY_STEP = 20;

const clampWidth = (width: number) => Math.round(Math.min(INSPECTOR_WIDTH.max, Math.max(INSPECTOR_WIDTH.min, width)));

/**
 * The inspector's left edge: dragged, or moved with the arrow keys once
 * focused, it widens or narrows the inspector. While dragging the width follows
 * the pointer (`onPreview`); it is kept for the next session when let go.
 */
export function InspectorResizer({ width, onPreview }: { width: number; onPreview(width: number | null): void }) {
  const store = useAppStoreApi();
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);
  const keep = (next: number) => store.getState().setPreference("inspectorWidth", clampWidth(next));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    // The edge is on the inspector's left: moving it left makes the inspector wider.
    current.width = clampWidth(current.startWidth + current.startX - event.clientX);
    onPreview(current.width);
  };
  const onPointerEnd = () => {
    const current = drag.current;
    if (!current) return;
    drag.current = null;
    keep(current.width);
    onPreview(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const change: Record<string, number> = {
      ArrowLeft: KEY_STEP,
      ArrowRight: -KEY_STEP,
      PageUp: 4 * KEY_STEP,
      PageDown: -4 * KEY_STEP,
      Home: INSPECTOR_WIDTH.min - width,
      End: INSPECTOR_WIDTH.max - width,
    };
    const by = change[event.key];
    if (by === undefined) return;
    event.preventDefault();
    keep(width + by);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator that resizes has no native element; <hr> takes no keys.
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label="Inspector width"
      aria-valuemin={INSPECTOR_WIDTH.min}
      aria-valuemax={INSPECTOR_WIDTH.max}
      aria-valuenow={width}
      title="Drag to widen or narrow the inspector (or focus it and use the arrow keys)"
      className="inspector-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    />
  );
}
