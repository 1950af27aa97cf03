/** Data types of what can be dragged onto the canvas. */

/** A lifecycle stage from the palette; dropped, it adds a phase of that stage. */
export const STAGE_DRAG_TYPE = "application/x-roadmap-stage";

/** A communication from the inspector; dropped on a phase, it moves there. */
export const COMMUNICATION_DRAG_TYPE = "application/x-roadmap-communication";
