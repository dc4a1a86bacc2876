// The canvas: the design drawn with React Flow, with palette drops, moving nodes between
// segments, drawing flows between handles, a minimap and the zoom controls.
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  useStore,
  useStoreApi,
  ViewportPortal,
  type NodeChange,
  type Connection,
  type Node,
} from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";

import * as edit from "../model/edit";
import type { PaletteItem } from "../model/catalog";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { dropTemplate } from "./drop";
import { updateRoutes } from "./routing";
import { GRID, guides, type Guide } from "./placement";
import { absoluteRect } from "./geometry";
import { FlowEdge } from "./edges/FlowEdge";
import { RelationEdge } from "./edges/RelationEdge";
import { ActorNode } from "./nodes/ActorNode";
import { ComponentNode } from "./nodes/ComponentNode";
import { IdentityNode } from "./nodes/IdentityNode";
import { SegmentNode } from "./nodes/SegmentNode";
import { overlayLabels, type DesignNode, type Overlay } from "./toFlow";

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2.5;

const nodeTypes = { segment: SegmentNode, component: ComponentNode, identity: IdentityNode, actor: ActorNode };
const edgeTypes = { flow: FlowEdge, relation: RelationEdge };

const minimapColors: Record<string, string> = {
  account: "#f1f5f9",
  region: "#f8fafc",
  vpc: "#ede9fe",
  subnet: "#dcfce7",
  internet: "#e0f2fe",
};

function minimapColor(node: Node): string {
  const n = node as DesignNode;
  if (n.type === "segment") {
    const segment = n.data.segment;
    if (segment.kind === "subnet") return segment.tier === "public" ? "#bbf7d0" : segment.tier === "isolated" ? "#fde68a" : "#bfdbfe";
    return minimapColors[segment.kind] ?? "#f1f5f9";
  }
  return n.data.badge ? "#ef4444" : "#334155";
}

/**
 * How far the view is zoomed out, in three steps. Far out, names are drawn larger and details
 * and flow labels are left out, so that the overview of a whole design stays legible; the step
 * changes rarely, so nodes re-render only when it does.
 */
export function zoomLevel(zoom: number): "near" | "mid" | "far" {
  if (zoom < 0.45) return "far";
  if (zoom < 0.75) return "mid";
  return "near";
}

/** The toggles of the relations drawn over the flows. */
function Overlays() {
  const [overlays, setOverlays] = useDesignStore(useShallow((s) => [s.overlays, s.setOverlays] as const));
  return (
    <div className="overlays" role="group" aria-label="Show relations">
      {(Object.keys(overlayLabels) as Overlay[]).map((overlay) => (
        <label key={overlay} className="check">
          <input type="checkbox" data-testid={`overlay-${overlay}`} checked={overlays.includes(overlay)}
            onChange={(event) => setOverlays(event.target.checked ? [...overlays, overlay] : overlays.filter((o) => o !== overlay))} />
          {overlayLabels[overlay]}
        </label>
      ))}
    </div>
  );
}

/** The alignment guides of a drag, in absolute canvas coordinates. */
function Guides({ lines }: { lines: Guide[] }) {
  if (lines.length === 0) return null;
  return (
    <ViewportPortal>
      {lines.map((line, i) => (
        <div key={i} className="guide" data-testid="guide"
          style={line.axis === "x"
            ? { left: line.at, top: line.from, width: 0, height: line.to - line.from }
            : { left: line.from, top: line.at, width: line.to - line.from, height: 0 }} />
      ))}
    </ViewportPortal>
  );
}

export function Canvas() {
  const level = useStore((s) => zoomLevel(s.transform[2]));
  const { nodes, edges, onNodesChange, onEdgesChange, change } = useDesignStore(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      change: s.change,
    })),
  );
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const flowStore = useStoreApi();
  const [lines, setLines] = useState<Guide[]>([]);
  const minimapOpen = useUiStore((s) => s.minimapOpen);

  /**
   * While one node is dragged, snaps it to the edges and centres of the nodes beside it (in the
   * same segment) and shows the guides it snapped to; the grid does the rest.
   */
  const onNodesChangeGuided = useCallback(
    (changes: NodeChange<DesignNode>[]) => {
      const drags = changes.filter((c) => c.type === "position" && c.dragging);
      if (drags.length === 1 && drags[0].type === "position" && drags[0].position) {
        const change = drags[0];
        const moving = nodes.find((n) => n.id === change.id);
        if (moving && change.position) {
          const size = (n: DesignNode) => ({ width: n.width ?? 0, height: n.height ?? 0 });
          const others = nodes
            .filter((n) => n.id !== moving.id && n.parentId === moving.parentId && !n.selected)
            .map((n) => ({ ...n.position, ...size(n) }));
          const result = guides({ ...change.position, ...size(moving) }, others);
          change.position = { x: result.x, y: result.y };
          const origin = moving.parentId ? flow.getInternalNode(moving.parentId)?.internals.positionAbsolute : undefined;
          const [ox, oy] = [origin?.x ?? 0, origin?.y ?? 0];
          setLines(result.lines.map((l) => (l.axis === "x" ? { ...l, at: l.at + ox, from: l.from + oy, to: l.to + oy } : { ...l, at: l.at + oy, from: l.from + ox, to: l.to + ox })));
        }
      } else if (changes.some((c) => c.type === "position" && !c.dragging)) {
        setLines([]);
      }
      onNodesChange(changes);
    },
    [nodes, flow, onNodesChange],
  );

  // The zoom as a CSS variable, for the text that keeps its size on screen when zoomed far out.
  // Set on the element directly: re-rendering the canvas on every frame of a zoom would be waste.
  useEffect(() => {
    const apply = (zoom: number) => wrapper.current?.style.setProperty("--zoom", zoom.toFixed(3));
    apply(flowStore.getState().transform[2]);
    return flowStore.subscribe((state, previous) => {
      if (state.transform[2] !== previous.transform[2]) apply(state.transform[2]);
    });
  }, [flowStore]);

  const drop = useCallback(
    (item: PaletteItem, screen: { x: number; y: number }) => {
      const bounds = wrapper.current?.getBoundingClientRect();
      if (!bounds || screen.x < bounds.left || screen.x > bounds.right || screen.y < bounds.top || screen.y > bounds.bottom) {
        return false;
      }
      const point = flow.screenToFlowPosition(screen);
      const design = useDesignStore.getState().design;
      const result = dropTemplate(design, item.template, point);
      if ("error" in result) {
        useUiStore.getState().notify({ kind: "error", text: `${item.label}: ${result.error}` });
      } else {
        change(() => result.design, [result.id]);
        useUiStore.getState().notify(null);
      }
      return true;
    },
    [flow, change],
  );

  /**
   * Moves the view onto the absolute rectangles of `ids` (every element when null). The bounds
   * come from the design's own layout and the view is set directly, because React Flow's
   * fitView waits for its next node update and would lag behind a selection made at the same
   * moment.
   */
  const show = useCallback(
    (ids: string[] | null, padding: number, maxZoom: number) => {
      const design = useDesignStore.getState().design;
      const box = wrapper.current?.getBoundingClientRect();
      const all = [...design.segments, ...design.components, ...design.identities, ...design.actors].map((e) => e.id);
      const rects = (ids ?? all).map((id) => absoluteRect(design, id));
      if (!box || rects.length === 0) return;
      const left = Math.min(...rects.map((r) => r.x));
      const top = Math.min(...rects.map((r) => r.y));
      const bounds = {
        x: left,
        y: top,
        width: Math.max(...rects.map((r) => r.x + r.width)) - left,
        height: Math.max(...rects.map((r) => r.y + r.height)) - top,
      };
      // The relation toggles float over the view's top-left corner: what is framed goes below
      // them, or they cover the title of the segment in that corner.
      const toggles = wrapper.current?.querySelector(".overlays")?.getBoundingClientRect();
      const covered = toggles ? Math.max(0, toggles.bottom - box.top) : 0;
      const viewport = getViewportForBounds(bounds, box.width, box.height - covered, MIN_ZOOM, maxZoom, padding);
      void flow.setViewport({ ...viewport, y: viewport.y + covered }, { duration: 300 });
    },
    [flow],
  );

  const frame = useCallback(
    (ids: string[]) => {
      const design = useDesignStore.getState().design;
      const nodeIds = new Set<string>();
      for (const id of ids) {
        const element = edit.findElement(design, id);
        if (element?.type === "flow") {
          nodeIds.add(element.value.source);
          nodeIds.add(element.value.target);
        } else if (element) nodeIds.add(id);
      }
      if (nodeIds.size > 0) show([...nodeIds], 0.4, 1.4);
    },
    [show],
  );

  // The flows' routes follow the design (see routing.ts).
  useEffect(() => {
    const current = () => useDesignStore.getState().design;
    updateRoutes(current(), current);
    return useDesignStore.subscribe((state, previous) => {
      if (state.design !== previous.design) updateRoutes(state.design, current);
    });
  }, []);

  useEffect(() => {
    useUiStore.setState({
      dropOnCanvas: drop,
      frameElements: frame,
      fitAll: () => show(null, 0.08, MAX_ZOOM),
      actualSize: () => void flow.zoomTo(1, { duration: 300 }),
    });
    return () => useUiStore.setState({ dropOnCanvas: null, frameElements: null, fitAll: null, actualSize: null });
  }, [drop, frame, show, flow]);

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.source || !connection.target || connection.source === connection.target) return;
      let created = "";
      change((design) => {
        const [next, id] = edit.addFlow(design, connection.source, connection.target);
        created = id;
        return next;
      });
      useDesignStore.getState().select([created]);
    },
    [change],
  );

  const openMenu = useCallback((kind: "element" | "flow" | "canvas", event: React.MouseEvent | MouseEvent, id?: string) => {
    event.preventDefault();
    // Right-clicking outside the selection selects what was clicked, as file managers do.
    const store = useDesignStore.getState();
    if (id && !store.selection.includes(id)) store.select([id]);
    useUiStore.setState({ contextMenu: { kind, id, x: event.clientX, y: event.clientY } });
  }, []);

  return (
    <div className={`canvas zoom-${level}`} ref={wrapper} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChangeGuided}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeContextMenu={(event, node) => openMenu("element", event, node.id)}
        onEdgeContextMenu={(event, edge) => openMenu("flow", event, edge.id)}
        onPaneContextMenu={(event) => openMenu("canvas", event)}
        onSelectionContextMenu={(event) => openMenu("element", event)}
        connectionMode={ConnectionMode.Loose}
        // A selected segment stays beneath the flows inside it (raising it hid them).
        elevateNodesOnSelect={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        onlyRenderVisibleElements
        snapToGrid
        snapGrid={[GRID, GRID]}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cbd5e1" />
        {minimapOpen && (
          <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} ariaLabel="Minimap" style={{ width: 168, height: 112 }} />
        )}
        <Controls showInteractive={false} position="bottom-left">
          <ControlButton data-testid="toggle-minimap" title={minimapOpen ? "Hide the minimap" : "Show the minimap"}
            aria-pressed={minimapOpen} onClick={() => useUiStore.setState({ minimapOpen: !minimapOpen })}>
            <span aria-hidden="true">▣</span>
          </ControlButton>
        </Controls>
        <Guides lines={lines} />
        <Panel position="top-left">
          <Overlays />
        </Panel>
      </ReactFlow>
    </div>
  );
}
