// The top bar: the file name with its dirty marker, file commands, import, export and deploy,
// undo and redo, auto-layout, zoom to fit, and the search box.
import { useState } from "react";
import { useStore } from "zustand";

import { elkLayout } from "../canvas/autoLayout";
import { acceptResult } from "../canvas/routing";
import * as edit from "../model/edit";
import { isDirty, redo, undo, useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { bundledExamples, recentFiles, type ExampleInfo, type RecentFile } from "../shell/api";
import { openDeployDialog } from "../deploy/DeployDialog";
import { exportCloudFormation, exportReport, importCloudFormation } from "../shell/exports";
import { newFile, openFile, openRecentFile, save, saveAs } from "../shell/fileActions";
import { Search } from "./Search";

export async function runAutoLayout() {
  const design = useDesignStore.getState().design;
  let result;
  try {
    result = await elkLayout(design);
  } catch (error) {
    useUiStore.getState().notify({ kind: "error", text: `Auto-layout failed: ${String(error)}` });
    return;
  }
  // The design may have changed while ELK worked; its layout then no longer fits.
  if (useDesignStore.getState().design !== design) return;
  useDesignStore.getState().change((d) => edit.setBoxes(d, result.boxes));
  acceptResult(useDesignStore.getState().design, result);
  requestAnimationFrame(() => useUiStore.getState().fitAll?.());
}

function Menu({
  label,
  testId,
  onOpen,
  children,
}: {
  label: string;
  testId: string;
  onOpen?: () => void;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="menu" onMouseLeave={() => setOpen(false)}>
      <button
        data-testid={testId}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
        aria-expanded={open}
      >
        {label} ▾
      </button>
      {open && <div className="menu-items">{children(() => setOpen(false))}</div>}
    </div>
  );
}

/** A menu entry that closes the menu and runs its command. */
function Item({ testId, close, run, hint, children }: { testId: string; close: () => void; run: () => void; hint?: string; children: React.ReactNode }) {
  return (
    <button data-testid={testId} onClick={() => { close(); run(); }}>
      <span>{children}</span>
      {hint && <kbd>{hint}</kbd>}
    </button>
  );
}

export function TopBar() {
  const fileName = useDesignStore((s) => s.fileName);
  const designName = useDesignStore((s) => s.design.name);
  const dirty = useDesignStore(isDirty);
  const canUndo = useStore(useDesignStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDesignStore.temporal, (s) => s.futureStates.length > 0);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [examples, setExamples] = useState<ExampleInfo[]>([]);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>◆</span> ZTA Designer
      </div>
      <nav className="toolbar">
        <Menu label="File" testId="menu-file" onOpen={() => {
          void recentFiles().then(setRecent, () => setRecent([]));
          void bundledExamples().then(setExamples, () => setExamples([]));
        }}>
          {(close) => (
            <>
              <Item testId="new-blank" close={close} run={() => void newFile(null)} hint="Ctrl+N">New design</Item>
              {examples.length > 0 && <div className="menu-label">New from an example</div>}
              {examples.map((example) => (
                <Item key={example.name} testId={`new-${example.name}`} close={close} run={() => void newFile(example.name)}>
                  {example.title}
                </Item>
              ))}
              <hr />
              <Item testId="open" close={close} run={() => void openFile()} hint="Ctrl+O">Open…</Item>
              {recent.length > 0 && <div className="menu-label">Recent</div>}
              {recent.map((file) => (
                <Item key={file.path} testId={`recent-${file.name}`} close={close} run={() => void openRecentFile(file.path)}>
                  <span title={file.path}>{file.name}</span>
                </Item>
              ))}
              <hr />
              <Item testId="save-as" close={close} run={() => void saveAs()} hint="Ctrl+Shift+S">Save as…</Item>
              <Item testId="import-cfn" close={close} run={() => void importCloudFormation()}>Import CloudFormation template…</Item>
            </>
          )}
        </Menu>
        <button data-testid="save" onClick={() => void save()} title="Save (Ctrl+S)">Save</button>
        <Menu label="Export" testId="menu-export">
          {(close) => (
            <>
              <Item testId="export-cfn" close={close} run={() => void exportCloudFormation()}>CloudFormation templates…</Item>
              <Item testId="export-report" close={close} run={() => void exportReport()}>Compliance report (PDF)…</Item>
            </>
          )}
        </Menu>
        <button data-testid="deploy" onClick={() => void openDeployDialog()} title="Deploy to AWS through reviewed change sets">Deploy…</button>
        <span className="sep" />
        <button data-testid="undo" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">↶ Undo</button>
        <button data-testid="redo" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">↷ Redo</button>
        <span className="sep" />
        <button data-testid="auto-layout" onClick={() => void runAutoLayout()} title="Auto-layout (Ctrl+L)">Auto-layout</button>
        <button data-testid="fit" onClick={() => useUiStore.getState().fitAll?.()} title="Zoom to fit (Ctrl+0)">Fit</button>
        <button data-testid="show-shortcuts" onClick={() => useUiStore.setState({ shortcutsOpen: true })} title="Keyboard shortcuts (?)">?</button>
      </nav>
      <div className="file-title" data-testid="file-title" title={designName}>
        <span className="file-name">{fileName ?? "Untitled"}</span>
        {dirty && <span className="dirty-marker" data-testid="dirty-marker" title="Unsaved changes">●</span>}
        <span className="design-name">{designName}</span>
      </div>
      <Search />
    </header>
  );
}
