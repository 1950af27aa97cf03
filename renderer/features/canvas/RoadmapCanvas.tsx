import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  type Connection,
  type EdgeChange,
  getViewportForBounds,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  type Rect,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import {
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { type RoutedTransition, routeTransitions, transitionsToRoute } from "../../../shared/layout/transitionGeometry";
import { overflowingPhases, type Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { formatTypedPercent } from "../../ui/format";
import type { Selection } from "../editor/editorSlice";
import { buildNoteNodes, noteIdOfNode } from "../notes/noteNodes";
import { type NoteFlowNode, StickyNoteNode } from "../notes/StickyNoteNode";
import { useRevealNote } from "../notes/useRevealNote";
import { RsiLegend } from "../rsi/RsiLegend";
import { phaseRsiBadges } from "../rsi/rsiFormat";
import { useRsi } from "../rsi/useRsi";
import { CanvasContextMenu, type ContextMenuTarget } from "./CanvasContextMenu";
import {
  addPhaseAt,
  connect,
  copySelection,
  deleteSelection,
  moveCommunicationToPhase,
  moveDraggedPhases,
  moveSelectionFocus,
  nudgeSelection,
  pasteText,
} from "./canvasActions";
import { registerCanvasController } from "./canvasController";
import {
  buildPhaseNodes,
  buildTransitionEdges,
  type Direction,
  GRID,
  PHASE_NODE_HEIGHT,
  PHASE_NODE_WIDTH,
  type PhaseFlowNode,
  type TransitionFlowEdge,
  viewportFitting,
} from "./canvasModel";
import { COMMUNICATION_DRAG_TYPE, STAGE_DRAG_TYPE } from "./dragTypes";
import { LevelOfDetail } from "./levelOfDetail";
import { PhaseNode } from "./PhaseNode";
import { TransitionEdge } from "./TransitionEdge";

const nodeTypes = { phase: PhaseNode, note: StickyNoteNode };
type CanvasNode = PhaseFlowNode | NoteFlowNode;
const edgeTypes = { transition: TransitionEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };
const MIN_ZOOM = 0.05;
// Props React Flow compares by identity: a new array or function on each render of the canvas (every frame
// of a drag) would update its store or re-render every node and edge wrapper, so they are made once.
const SNAP_GRID: [number, number] = [GRID, GRID];
const MULTI_SELECTION_KEYS = ["Shift", "Meta", "Control"];
const PAN_ON_DRAG = [1, 2];
const PRO_OPTIONS = { hideAttribution: true };
const miniMapColor = (node: CanvasNode) => (node.type === "note" ? "#f5d96b" : node.data.color);
const ARROW_KEYS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

/** The roadmap as a node graph: phases as nodes, transitions as arrows. */
export function RoadmapCanvas({ roadmap }: { roadmap: Roadmap }) {
  return (
    <ReactFlowProvider>
      <CanvasView roadmap={roadmap} />
    </ReactFlowProvider>
  );
}

function CanvasView({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const flow = useReactFlow<CanvasNode, TransitionFlowEdge>();
  const selection = useAppState((state) => state.selection);
  const snapToGrid = useAppState((state) => state.snapToGrid);
  const overflow = useMemo(() => overflowingPhases(roadmap), [roadmap]);
  const plan = useAppState((state) => state.plan);
  const monthlyCosts = useMemo(
    () => new Map(plan?.phases.map((phase) => [phase.phaseId, phase.averageMonthlyCost]) ?? []),
    [plan],
  );
  const overCapPhases = useMemo(() => new Set(plan?.pressure.collisions.map((c) => c.phaseId) ?? []), [plan]);
  const rsi = useRsi();
  const colourByRsi = useAppState((state) => state.preferences.colourByRsi);
  // Built once per change of the RSI, the setting or the phases, never per phase node.
  const rsiBadges = useMemo(
    () => phaseRsiBadges({ phases: roadmap.phases, survey: roadmap.survey }, rsi, colourByRsi),
    [roadmap.phases, roadmap.survey, rsi, colourByRsi],
  );
  const selectedNoteId = useAppState((state) => state.selectedNoteId);
  const showResolvedNotes = useAppState((state) => state.showResolvedNotes);
  const [nodes, setNodes] = useState<CanvasNode[]>([]);
  const [edges, setEdges] = useState<TransitionFlowEdge[]>([]);
  const [menu, setMenu] = useState<ContextMenuTarget | null>(null);
  const [wrapper, setWrapper] = useState<HTMLDivElement | null>(null);
  // Fit the view on open only when there is something to fit: an empty canvas keeps zoom 1, so the first
  // phases drawn stay where they were placed.
  const [fitOnOpen] = useState(() => roadmap.phases.length > 0);
  // Opened straight at the fitted view: opened at 100 % and fitted after, a large roadmap's phases would all be
  // drawn in full detail, measured, then drawn and measured again as compact cards.
  const [openingViewport, setOpeningViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (!wrapper || openingViewport) return;
    setOpeningViewport(
      fitOnOpen
        ? viewportFitting(roadmap, wrapper.clientWidth, wrapper.clientHeight, {
            minZoom: MIN_ZOOM,
            ...FIT_VIEW_OPTIONS,
          })
        : { x: 0, y: 0, zoom: 1 },
    );
  }, [wrapper, openingViewport, fitOnOpen, roadmap]);

  // Phases' drawn heights, as React Flow measures them; they change only when a phase's content or the level of detail does.
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(new Map());
  const routes = useMemo(() => transitionRoutes(roadmap, heights), [roadmap, heights]);
  const routesRef = useRef(routes);
  routesRef.current = routes;

  useLayoutEffect(() => {
    setNodes((previous) => {
      const old = byId(previous);
      const phases = new Map([...old].flatMap(([id, node]) => (node.type === "phase" ? [[id, node] as const] : [])));
      return [
        ...buildPhaseNodes(roadmap, selection, overflow, phases, monthlyCosts, overCapPhases, rsiBadges),
        ...buildNoteNodes(roadmap, { selectedNoteId, showResolved: showResolvedNotes }, old),
      ];
    });
  }, [roadmap, selection, overflow, monthlyCosts, overCapPhases, rsiBadges, selectedNoteId, showResolvedNotes]);
  useLayoutEffect(() => {
    setEdges((previous) => buildTransitionEdges(roadmap, selection, byId(previous), routes));
  }, [roadmap, selection, routes]);

  useEffect(
    () =>
      registerCanvasController({
        // The arrows count too: a loop routed below the last row is part of what must be in view.
        fitView: () => {
          const box = wrapper?.getBoundingClientRect();
          if (!box || flow.getNodes().length === 0) return;
          const bounds = boundsWithRoutes(flow.getNodesBounds(flow.getNodes()), routesRef.current.values());
          const { maxZoom, padding } = FIT_VIEW_OPTIONS;
          const viewport = getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, maxZoom, padding);
          void flow.setViewport(viewport, { duration: 200 });
        },
        viewportCenter: () => {
          const box = wrapper?.getBoundingClientRect();
          return box
            ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
            : { x: 0, y: 0 };
        },
        zoomTo: (zoom) => void flow.zoomTo(zoom, { duration: 0 }),
        screenToCanvas: (point) => flow.screenToFlowPosition(point),
        sizeOf: (id) => {
          const node = flow.getNode(id);
          return {
            width: node?.measured?.width ?? PHASE_NODE_WIDTH,
            height: node?.measured?.height ?? PHASE_NODE_HEIGHT,
          };
        },
        revealPhase: (id) => {
          const node = flow.getNode(id);
          if (!node) return;
          const { zoom } = flow.getViewport();
          void flow.setCenter(node.position.x + PHASE_NODE_WIDTH / 2, node.position.y + PHASE_NODE_HEIGHT / 2, {
            zoom,
            duration: 150,
          });
        },
        focus: () => wrapper?.focus(),
      }),
    [flow, wrapper],
  );

  useClipboard(wrapper);
  useRevealNote(flow, nodes.length > 0);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const geometry = changes.filter((c) => c.type === "position" || c.type === "dimensions");
      if (geometry.length > 0) setNodes((current) => applyNodeChanges(geometry, current));
      const measured = changes.flatMap((c) => (c.type === "dimensions" && c.dimensions ? [c] : []));
      if (measured.length > 0) {
        setHeights((current) => {
          const changed = measured.filter((c) => current.get(c.id) !== c.dimensions?.height);
          if (changed.length === 0) return current;
          const next = new Map(current);
          for (const c of changed) next.set(c.id, c.dimensions?.height ?? PHASE_NODE_HEIGHT);
          return next;
        });
      }
      const all = changes.flatMap((c) => (c.type === "select" ? [c] : []));
      const selected = all.filter((c) => noteIdOfNode(c.id) === null);
      const note = all.find((c) => noteIdOfNode(c.id) !== null && c.selected);
      if (note) store.getState().selectNote(noteIdOfNode(note.id));
      else if (all.some((c) => noteIdOfNode(c.id) !== null)) store.getState().selectNote(null);
      if (selected.length > 0) {
        const current = store.getState().selection;
        store.getState().select(toggleIds(current, "phaseIds", selected));
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TransitionFlowEdge>[]) => {
      const selected = changes.flatMap((c) => (c.type === "select" ? [c] : []));
      if (selected.length > 0) {
        const current = store.getState().selection;
        store.getState().select(toggleIds(current, "transitionIds", selected));
      }
      const rest = changes.filter((c) => c.type !== "select" && c.type !== "remove");
      if (rest.length > 0) setEdges((current) => applyEdgeChanges(rest, current));
    },
    [store],
  );

  const openMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent, target: Omit<ContextMenuTarget, "x" | "y">) => {
      event.preventDefault();
      setMenu({ ...target, x: event.clientX, y: event.clientY });
    },
    [],
  );
  const onConnect = useCallback(
    (connection: Connection) => connect(store.getState(), connection.source, connection.target),
    [store],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, __: unknown, dragged: CanvasNode[]) =>
      moveDraggedPhases(
        store.getState(),
        new Map(dragged.flatMap((n) => (n.type === "phase" ? [[n.id, n.position] as const] : []))),
        new Map(dragged.flatMap((n) => (n.type === "note" ? [[n.data.note.id, n.position] as const] : []))),
      ),
    [store],
  );
  const onNodeDoubleClick = useCallback(
    (_: unknown, node: CanvasNode) =>
      node.type === "note"
        ? store.getState().setEditingNote(node.data.note.id)
        : store.getState().setRenamingPhase(node.id),
    [store],
  );
  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: CanvasNode) => {
      if (node.type === "note") {
        store.getState().selectNote(node.data.note.id);
        openMenu(event, { kind: "note", id: node.data.note.id });
        return;
      }
      if (!store.getState().selection.phaseIds.includes(node.id)) {
        store.getState().select({ phaseIds: [node.id], transitionIds: [] });
      }
      openMenu(event, { kind: "phase", id: node.id });
    },
    [store, openMenu],
  );
  const onEdgeContextMenu = useCallback(
    (event: MouseEvent, edge: TransitionFlowEdge) => {
      store.getState().select({ phaseIds: [], transitionIds: [edge.id] });
      openMenu(event, { kind: "transition", id: edge.id });
    },
    [store, openMenu],
  );
  const onPaneContextMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent) => openMenu(event, { kind: "pane", id: null }),
    [openMenu],
  );
  const onPaneClick = useCallback(() => {
    setMenu(null);
    store.getState().setOpenNotesOf(null);
  }, [store]);

  // Moving around the canvas; its commands (Delete, F2, …) are shortcuts in the command registry.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isEditableTarget(event.target)) return;
    const state = store.getState();
    const mod = event.metaKey || event.ctrlKey;
    const direction = ARROW_KEYS[event.key];
    if (direction && !mod) {
      event.preventDefault();
      if (event.shiftKey) nudgeSelection(state, direction);
      else moveSelectionFocus(state, direction);
    } else if (event.key === "Enter" && state.selection.phaseIds.length + state.selection.transitionIds.length > 0) {
      event.preventDefault();
      document.querySelector<HTMLElement>(".inspector input, .inspector select, .inspector textarea")?.focus();
    } else if (event.key === "Escape") {
      state.select({ phaseIds: [], transitionIds: [] });
    }
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target as HTMLElement).classList.contains("react-flow__pane")) return;
    addPhaseAt(store.getState(), flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    const types = event.dataTransfer.types;
    if (types.includes(COMMUNICATION_DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      return;
    }
    if (!types.includes(STAGE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const communicationId = event.dataTransfer.getData(COMMUNICATION_DRAG_TYPE);
    if (communicationId) {
      event.preventDefault();
      event.stopPropagation();
      const target = (event.target as HTMLElement).closest<HTMLElement>(".react-flow__node");
      const phaseId = target?.dataset.id;
      if (phaseId) moveCommunicationToPhase(store.getState(), communicationId, phaseId);
      return;
    }
    const stageId = event.dataTransfer.getData(STAGE_DRAG_TYPE);
    if (!stageId) return;
    event.preventDefault();
    event.stopPropagation();
    addPhaseAt(store.getState(), flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), stageId);
  };

  return (
    <div
      ref={setWrapper}
      className="canvas"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes focus so its arrow keys and shortcuts work.
      tabIndex={0}
      role="application"
      aria-label={`Roadmap canvas with ${roadmap.phases.length} phases. Arrow keys move between phases, Enter edits the selection, F2 renames, Delete deletes.`}
      onKeyDown={onKeyDown}
      onDoubleClick={onDoubleClick}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {openingViewport && (
        <LevelOfDetail>
          <ReactFlow<CanvasNode, TransitionFlowEdge>
            defaultViewport={openingViewport}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStop={onNodeDragStop}
            onNodeDoubleClick={onNodeDoubleClick}
            onNodeContextMenu={onNodeContextMenu}
            onEdgeContextMenu={onEdgeContextMenu}
            onPaneContextMenu={onPaneContextMenu}
            onPaneClick={onPaneClick}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECTION_KEYS}
            selectionOnDrag
            panOnDrag={PAN_ON_DRAG}
            panOnScroll
            zoomOnDoubleClick={false}
            snapToGrid={snapToGrid}
            snapGrid={SNAP_GRID}
            onlyRenderVisibleElements
            disableKeyboardA11y
            fitView={fitOnOpen}
            fitViewOptions={FIT_VIEW_OPTIONS}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            proOptions={PRO_OPTIONS}
          >
            <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="#c9d0db" />
            <MiniMap<CanvasNode>
              pannable
              zoomable
              nodeColor={miniMapColor}
              nodeStrokeWidth={0}
              ariaLabel="Overview of the roadmap"
            />
            {colourByRsi && rsiBadges.size > 0 && <RsiLegend />}
          </ReactFlow>
        </LevelOfDetail>
      )}
      {menu && <CanvasContextMenu target={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}

/**
 * Copy and paste through the system clipboard, so phases travel between two
 * roadmaps, two windows, or into a colleague's email. Text fields keep their
 * own copy and paste.
 */
function useClipboard(wrapper: HTMLElement | null) {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!wrapper) return;
    // Only when the canvas has the keyboard and no text is selected: copying text elsewhere stays copying text.
    const applies = () =>
      wrapper.contains(document.activeElement) &&
      !isEditableTarget(document.activeElement) &&
      (document.getSelection()?.isCollapsed ?? true) &&
      store.getState().dialog === null;
    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (!applies()) return;
      const clip = copySelection(store.getState());
      if (!clip || !event.clipboardData) return;
      event.preventDefault();
      event.clipboardData.setData("text/plain", JSON.stringify(clip));
      if (cut) deleteSelection(store.getState());
    };
    const copy = (event: ClipboardEvent) => onCopy(event, false);
    const cut = (event: ClipboardEvent) => onCopy(event, true);
    const paste = (event: ClipboardEvent) => {
      if (!applies()) return;
      const text = event.clipboardData?.getData("text/plain");
      if (!text) return;
      event.preventDefault();
      pasteText(store.getState(), text);
    };
    document.addEventListener("copy", copy);
    document.addEventListener("cut", cut);
    document.addEventListener("paste", paste);
    return () => {
      document.removeEventListener("copy", copy);
      document.removeEventListener("cut", cut);
      document.removeEventListener("paste", paste);
    };
  }, [wrapper, store]);
}

/** Every transition's route and label box, from where the document puts the phases and how tall they are drawn. */
function transitionRoutes(roadmap: Roadmap, heights: ReadonlyMap<string, number>): Map<string, RoutedTransition> {
  const phases = new Map(
    roadmap.phases.map((phase) => [
      phase.id,
      { ...phase.position, width: PHASE_NODE_WIDTH, height: heights.get(phase.id) ?? PHASE_NODE_HEIGHT },
    ]),
  );
  return new Map(
    routeTransitions(phases, transitionsToRoute(roadmap, formatTypedPercent)).map((route) => [route.id, route]),
  );
}

/** The smallest rectangle around the phases and every route's corners and label. */
function boundsWithRoutes(phases: Rect, routes: Iterable<RoutedTransition>): Rect {
  let [left, top, right, bottom] = [phases.x, phases.y, phases.x + phases.width, phases.y + phases.height];
  for (const route of routes) {
    const { box } = route.label;
    for (const p of [...route.points, { x: box.x, y: box.y }, { x: box.x + box.width, y: box.y + box.height }]) {
      left = Math.min(left, p.x);
      top = Math.min(top, p.y);
      right = Math.max(right, p.x);
      bottom = Math.max(bottom, p.y);
    }
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function toggleIds(
  selection: Selection,
  key: keyof Selection,
  changes: readonly { id: string; selected: boolean }[],
): Selection {
  const ids = new Set(selection[key]);
  for (const change of changes) {
    if (change.selected) ids.add(change.id);
    else ids.delete(change.id);
  }
  return { ...selection, [key]: [...ids] };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function isEditableTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}
