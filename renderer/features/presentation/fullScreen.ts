/**
 * Takes the screen for presentation mode: the Fullscreen API on the whole page
 * (in Electron it makes the window full screen). Where full screen is refused
 * (no user gesture, a browser setting) the presentation fills the window
 * instead. Leaving full screen by the browser's own means (its Esc, F11, the
 * window menu) ends the presentation through `onLeft`. The returned function
 * gives the screen back, as it was.
 */
export function holdFullScreen(doc: Document, onLeft: () => void): () => void {
  let held = false;
  const onChange = () => {
    if (doc.fullscreenElement) held = true;
    else if (held) {
      held = false;
      onLeft();
    }
  };
  doc.addEventListener("fullscreenchange", onChange);
  if (!doc.fullscreenElement && typeof doc.documentElement.requestFullscreen === "function") {
    doc.documentElement.requestFullscreen().catch(() => {
      // Refused: the presentation covers the window instead, which is all a room needs.
    });
  }
  return () => {
    doc.removeEventListener("fullscreenchange", onChange);
    if (held && doc.fullscreenElement) {
      held = false;
      doc.exitFullscreen().catch(() => {
        // Already left by other means.
      });
    }
  };
}
