// The canvas: the design drawn with React Flow, with palette drops, moving nodes between
// segments, drawing flows between handles, a minimap and the zoom controls.
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  useStore,
  type Connection,
  type Node,
} from "@xyflow/react";
import { useCallback, useEffect, useRef } from "react";
import { useShallow } from "zustand/react/shallow";

import * as edit from "../model/edit";
import type { PaletteItem } from "../model/catalog";
import { useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { dropTemplate, moveNode } from "./drop";
import { absoluteRect } from "./geometry";
import { FlowEdge } from "./edges/FlowEdge";
import { ActorNode } from "./nodes/ActorNode";
import { ComponentNode } from "./nodes/ComponentNode";
import { IdentityNode } from "./nodes/IdentityNode";
import { SegmentNode } from "./nodes/SegmentNode";
import type { DesignNode } from "./toFlow";

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2.5;

const nodeTypes = { segment: SegmentNode, component: ComponentNode, identity: IdentityNode, actor: ActorNode };
const edgeTypes = { flow: FlowEdge };

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
      void flow.setViewport(getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, maxZoom, padding), { duration: 300 });
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

  useEffect(() => {
    useUiStore.setState({
      dropOnCanvas: drop,
      frameElements: frame,
      fitAll: () => show(null, 0.08, MAX_ZOOM),
    });
    return () => useUiStore.setState({ dropOnCanvas: null, frameElements: null, fitAll: null });
  }, [drop, frame, show]);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, dragged: Node[]) => {
      change((design) => dragged.reduce((next, node) => moveNode(next, node.id, node.position), design));
    },
    [change],
  );

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

  return (
    <div className={`canvas zoom-${level}`} ref={wrapper} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Meta", "Control"]}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        onlyRenderVisibleElements
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cbd5e1" />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} ariaLabel="Minimap" style={{ width: 168, height: 112 }} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
