import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  type Connection,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
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
  useState,
} from "react";
import { overflowingPhases, type Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import type { Selection } from "../editor/editorSlice";
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
} from "./canvasModel";
import { COMMUNICATION_DRAG_TYPE, STAGE_DRAG_TYPE } from "./dragTypes";
import { PhaseNode } from "./PhaseNode";
import { TransitionEdge } from "./TransitionEdge";

const nodeTypes = { phase: PhaseNode };
const edgeTypes = { transition: TransitionEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };
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
  const flow = useReactFlow<PhaseFlowNode, TransitionFlowEdge>();
  const selection = useAppState((state) => state.selection);
  const snapToGrid = useAppState((state) => state.snapToGrid);
  const overflow = useMemo(() => overflowingPhases(roadmap), [roadmap]);
  const plan = useAppState((state) => state.plan);
  const monthlyCosts = useMemo(
    () => new Map(plan?.phases.map((phase) => [phase.phaseId, phase.averageMonthlyCost]) ?? []),
    [plan],
  );
  const overCapPhases = useMemo(() => new Set(plan?.pressure.collisions.map((c) => c.phaseId) ?? []), [plan]);
  const [nodes, setNodes] = useState<PhaseFlowNode[]>([]);
  const [edges, setEdges] = useState<TransitionFlowEdge[]>([]);
  const [menu, setMenu] = useState<ContextMenuTarget | null>(null);
  const [wrapper, setWrapper] = useState<HTMLDivElement | null>(null);
  // Fit the view on open only when there is something to fit: an empty canvas keeps zoom 1, so the first
  // phases drawn stay where they were placed.
  const [fitOnOpen] = useState(() => roadmap.phases.length > 0);

  useLayoutEffect(() => {
    setNodes((previous) => buildPhaseNodes(roadmap, selection, overflow, byId(previous), monthlyCosts, overCapPhases));
    setEdges((previous) => buildTransitionEdges(roadmap, selection, byId(previous)));
  }, [roadmap, selection, overflow, monthlyCosts, overCapPhases]);

  useEffect(
    () =>
      registerCanvasController({
        fitView: () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }),
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

  const onNodesChange = useCallback(
    (changes: NodeChange<PhaseFlowNode>[]) => {
      const geometry = changes.filter((c) => c.type === "position" || c.type === "dimensions");
      if (geometry.length > 0) setNodes((current) => applyNodeChanges(geometry, current));
      const selected = changes.flatMap((c) => (c.type === "select" ? [c] : []));
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

  const openMenu = (event: MouseEvent | globalThis.MouseEvent, target: Omit<ContextMenuTarget, "x" | "y">) => {
    event.preventDefault();
    setMenu({ ...target, x: event.clientX, y: event.clientY });
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
      <ReactFlow<PhaseFlowNode, TransitionFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(connection: Connection) => connect(store.getState(), connection.source, connection.target)}
        onNodeDragStop={(_, __, dragged) =>
          moveDraggedPhases(store.getState(), new Map(dragged.map((n) => [n.id, n.position])))
        }
        onNodeDoubleClick={(_, node) => store.getState().setRenamingPhase(node.id)}
        onNodeContextMenu={(event, node) => {
          if (!store.getState().selection.phaseIds.includes(node.id)) {
            store.getState().select({ phaseIds: [node.id], transitionIds: [] });
          }
          openMenu(event, { kind: "phase", id: node.id });
        }}
        onEdgeContextMenu={(event, edge) => {
          store.getState().select({ phaseIds: [], transitionIds: [edge.id] });
          openMenu(event, { kind: "transition", id: edge.id });
        }}
        onPaneContextMenu={(event) => openMenu(event, { kind: "pane", id: null })}
        onPaneClick={() => setMenu(null)}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        selectionOnDrag
        panOnDrag={[1, 2]}
        panOnScroll
        zoomOnDoubleClick={false}
        snapToGrid={snapToGrid}
        snapGrid={[GRID, GRID]}
        onlyRenderVisibleElements
        disableKeyboardA11y
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="#c9d0db" />
        <MiniMap<PhaseFlowNode>
          pannable
          zoomable
          nodeColor={(node) => node.data.color}
          nodeStrokeWidth={0}
          ariaLabel="Overview of the roadmap"
        />
      </ReactFlow>
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
