/**
 * Lets the canvas benchmark count how often phases and transitions render
 * (a drag must re-render only the dragged phase and its transitions). Null,
 * and so free, everywhere else.
 */
export const renderProbe: { onRender: ((kind: "phase" | "transition", id: string) => void) | null } = {
  onRender: null,
};
