// The top bar: the file name with its dirty marker, file commands, undo and redo, auto-layout,
// zoom to fit, and the search box.
import { useState } from "react";
import { useStore } from "zustand";

import { autoLayout } from "../canvas/autoLayout";
import * as edit from "../model/edit";
import { isDirty, redo, undo, useDesignStore } from "../store/designStore";
import { useUiStore } from "../store/uiStore";
import { recentFiles, type RecentFile } from "../shell/api";
import { newFile, openFile, openRecentFile, save, saveAs } from "../shell/fileActions";
import { Search } from "./Search";

export async function runAutoLayout() {
  const design = useDesignStore.getState().design;
  const boxes = await autoLayout(design);
  useDesignStore.getState().change((d) => edit.setBoxes(d, boxes));
  requestAnimationFrame(() => useUiStore.getState().fitAll?.());
}

function Menu({ label, testId, children }: { label: string; testId: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="menu" onMouseLeave={() => setOpen(false)}>
      <button data-testid={testId} onClick={() => setOpen(!open)} aria-expanded={open}>
        {label} ▾
      </button>
      {open && <div className="menu-items">{children(() => setOpen(false))}</div>}
    </div>
  );
}

export function TopBar() {
  const fileName = useDesignStore((s) => s.fileName);
  const designName = useDesignStore((s) => s.design.name);
  const dirty = useDesignStore(isDirty);
  const canUndo = useStore(useDesignStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDesignStore.temporal, (s) => s.futureStates.length > 0);
  const [recent, setRecent] = useState<RecentFile[]>([]);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>◆</span> ZTA Designer
      </div>
      <div className="file-title" data-testid="file-title" title={designName}>
        <span className="file-name">{fileName ?? "Untitled"}</span>
        {dirty && <span className="dirty-marker" data-testid="dirty-marker" title="Unsaved changes">●</span>}
        <span className="design-name">{designName}</span>
      </div>
      <nav className="toolbar">
        <Menu label="New" testId="menu-new">
          {(close) => (
            <>
              <button data-testid="new-blank" onClick={() => { close(); void newFile(null); }}>Blank design</button>
              <button data-testid="new-reference" onClick={() => { close(); void newFile("reference"); }}>
                From the AWS Zero Trust reference
              </button>
            </>
          )}
        </Menu>
        <button data-testid="open" onClick={() => void openFile()} title="Open (Ctrl+O)">Open</button>
        <div className="menu" onMouseLeave={() => setRecent([])}>
          <button data-testid="menu-recent" onClick={() => void recentFiles().then(setRecent)} title="Recent files">Recent ▾</button>
          {recent.length > 0 && (
            <div className="menu-items">
              {recent.map((file) => (
                <button key={file.path} title={file.path} onClick={() => { setRecent([]); void openRecentFile(file.path); }}>
                  {file.name}
                </button>
              ))}
            </div>
          )}
        </div>
        <button data-testid="save" onClick={() => void save()} title="Save (Ctrl+S)">Save</button>
        <button data-testid="save-as" onClick={() => void saveAs()} title="Save as (Ctrl+Shift+S)">Save as</button>
        <span className="sep" />
        <button data-testid="undo" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">↶ Undo</button>
        <button data-testid="redo" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">↷ Redo</button>
        <span className="sep" />
        <button data-testid="auto-layout" onClick={() => void runAutoLayout()} title="Auto-layout (Ctrl+L)">Auto-layout</button>
        <button data-testid="fit" onClick={() => useUiStore.getState().fitAll?.()} title="Zoom to fit (Ctrl+0)">Fit</button>
      </nav>
      <Search />
    </header>
  );
}
