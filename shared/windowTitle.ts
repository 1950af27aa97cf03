import type { DocumentState } from "./ipc/contract";

export const APP_NAME = "Relationship Roadmap";

/**
 * "Acme — Relationship Roadmap", or just the app's name on the home screen;
 * "• Acme — …" while the roadmap's file is out of date, where the window has
 * no other sign of it (macOS has the close button's dot instead).
 */
export function windowTitle(state: Pick<DocumentState, "title" | "edited">, markEdited: boolean): string {
  if (state.title === null) return APP_NAME;
  return `${markEdited && state.edited ? "• " : ""}${state.title} — ${APP_NAME}`;
}
