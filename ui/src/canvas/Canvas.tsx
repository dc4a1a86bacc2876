// The canvas: the design drawn with React Flow, with palette drops, moving nodes between
// segments, drawing flows between handles, a minimap and the zoom controls.
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
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
import { FlowEdge } from "./edges/FlowEdge";
import { ActorNode } from "./nodes/ActorNode";
import { ComponentNode } from "./nodes/ComponentNode";
import { IdentityNode } from "./nodes/IdentityNode";
import { SegmentNode } from "./nodes/SegmentNode";
import type { DesignNode } from "./toFlow";

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

export function Canvas() {
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
      if (nodeIds.size > 0) {
        void flow.fitView({ nodes: [...nodeIds].map((id) => ({ id })), duration: 300, padding: 0.4, maxZoom: 1.4 });
      }
    },
    [flow],
  );

  useEffect(() => {
    useUiStore.setState({
      dropOnCanvas: drop,
      frameElements: frame,
      fitAll: () => void flow.fitView({ duration: 300, padding: 0.08 }),
    });
    return () => useUiStore.setState({ dropOnCanvas: null, frameElements: null, fitAll: null });
  }, [drop, frame, flow]);

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
    <div className="canvas" ref={wrapper} data-testid="canvas">
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
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cbd5e1" />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
