/**
 * Where presentation mode looks: the geometry of its diagram, kept apart from
 * React so the rules that keep every word readable on a projector are tested
 * on their own.
 */

/** No text in presentation mode is drawn smaller than this, in screen px: what reads from the back of a room. */
export const MIN_TEXT_PX = 18;

/** A phase card in presentation mode, in canvas px: as wide as on the canvas, taller for larger type. */
export const CARD = { width: 220, height: 124 } as const;

/** Type sizes on a card, in canvas px; the camera's scale makes them screen px. */
export const CARD_TYPE = { stage: 15, name: 22, stats: 16, badge: 16 } as const;

/** The scale at which the smallest card type is `MIN_TEXT_PX` on screen. */
const LEGIBLE_SCALE = MIN_TEXT_PX / Math.min(CARD_TYPE.stage, CARD_TYPE.name, CARD_TYPE.stats, CARD_TYPE.badge);

/** A phase step never zooms in further than this: a card then takes about a third of a wide screen. */
const MAX_PHASE_SCALE = 1.7;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Canvas px to screen px: screen = canvas × scale + (x, y). */
export interface Camera {
  x: number;
  y: number;
  scale: number;
}

/** Whether type of this size (canvas px) reads at this scale; type that does not is left out, never shrunk. */
export function isLegible(fontSize: number, scale: number): boolean {
  return fontSize * scale >= MIN_TEXT_PX - 1e-9;
}

/** The smallest box holding all the boxes; an empty one at the origin when there are none. */
export function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The camera that shows the whole box centred in the view with a margin, zoomed in no further than `maxScale`. */
export function fitCamera(content: Box, view: Size, margin: number, maxScale: number): Camera {
  const width = Math.max(1, content.width);
  const height = Math.max(1, content.height);
  const scale = Math.max(
    1e-3,
    Math.min(maxScale, (view.width - 2 * margin) / width, (view.height - 2 * margin) / height),
  );
  return centredOn(content, view, scale);
}

/**
 * The camera of a phase step: the phase in the middle of the view, at a scale
 * that grows with the view (neighbouring phases show either side) but never
 * below the one at which every word on a card is legible.
 */
export function focusCamera(card: Box, view: Size): Camera {
  const scale = Math.max(LEGIBLE_SCALE, Math.min(MAX_PHASE_SCALE, view.width / 880));
  return centredOn(card, view, scale);
}

function centredOn(box: Box, view: Size, scale: number): Camera {
  return {
    scale,
    x: view.width / 2 - (box.x + box.width / 2) * scale,
    y: view.height / 2 - (box.y + box.height / 2) * scale,
  };
}
