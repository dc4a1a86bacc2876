// The window: top bar, palette on the left, canvas in the middle, inspector on the right, and
// the results tabs at the bottom.
import { ReactFlowProvider } from "@xyflow/react";
import { useEffect } from "react";

import { Canvas } from "./canvas/Canvas";
import { ContextMenu } from "./canvas/ContextMenu";
import { DeployDialog } from "./deploy/DeployDialog";
import { Inspector } from "./inspector/Inspector";
import { BottomPanel } from "./panels/BottomPanel";
import { Palette } from "./palette/Palette";
import { installShortcuts, shortcutList } from "./shortcuts";
import { errorMessage, startupDesign } from "./shell/api";
import { startComplianceSync } from "./shell/compliance";
import { startSessionSync } from "./shell/session";
import { startLiveValidation } from "./shell/validation";
import { undo, useDesignStore } from "./store/designStore";
import { useQuestionStore, useUiStore } from "./store/uiStore";
import { TopBar } from "./topbar/TopBar";

function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role="status" data-testid="notice">
      <span className="notice-text">{notice.text}</span>
      {notice.action && (
        <button className="link" data-testid="notice-action" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      )}
      <button className="link" onClick={() => useUiStore.getState().notify(null)}>Dismiss</button>
    </div>
  );
}

function DocumentModal() {
  const shown = useUiStore((s) => s.document);
  if (!shown) return null;
  const close = () => useUiStore.setState({ document: null });
  return (
    <div className="modal-backdrop" onClick={close}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="document-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="document-title">{shown.title}</h2>
        <p>{shown.summary}</p>
        <pre className="document-text" data-testid="document-text">{shown.text}</pre>
        <div className="modal-buttons">
          <button className="primary" onClick={close} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}

function QuestionModal() {
  const question = useQuestionStore((s) => s.question);
  if (!question) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="question-title">
        <h2 id="question-title">{question.title}</h2>
        <p>{question.text}</p>
        <div className="modal-buttons">
          <button onClick={() => question.answer(false)} autoFocus>Cancel</button>
          <button className="danger" data-testid="confirm" onClick={() => question.answer(true)}>{question.confirm}</button>
        </div>
      </div>
    </div>
  );
}

function ShortcutsSheet() {
  const open = useUiStore((s) => s.shortcutsOpen);
  if (!open) return null;
  const close = () => useUiStore.setState({ shortcutsOpen: false });
  return (
    <div className="modal-backdrop" onClick={close}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts-table">
          <tbody>
            {shortcutList.map(([keys, what]) => (
              <tr key={keys}>
                <td><kbd>{keys}</kbd></td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-buttons">
          <button className="primary" onClick={close} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}

export function App() {
  useEffect(() => {
    const stopShortcuts = installShortcuts();
    // A move that takes an element into another segment is said, with the way back.
    useDesignStore.setState({
      onReparent: (text) => useUiStore.getState().notify({ kind: "info", text, action: { label: "Undo", run: undo } }),
    });
    let stopValidation = () => {};
    let stopSession = () => {};
    let stopCompliance = () => {};
    let cancelled = false;
    startupDesign()
      .then((opened) => {
        if (cancelled) return;
        if (opened) {
          useDesignStore.getState().load(opened.design, opened.fileName, { dirty: opened.recovered });
          if (opened.recovered) {
            useUiStore.getState().notify({ kind: "info", text: "Recovered unsaved work from the last session. Save it to keep it." });
          }
          requestAnimationFrame(() => useUiStore.getState().fitAll?.());
        }
      })
      .catch((error) => useUiStore.getState().notify({ kind: "error", text: errorMessage(error) }))
      .finally(() => {
        if (cancelled) return;
        // Two frames later the canvas has painted; only then does the title bar name the file,
        // so that the title is an honest external signal that the design is on screen.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (cancelled) return;
            stopValidation = startLiveValidation();
            stopSession = startSessionSync();
            stopCompliance = startComplianceSync();
            document.body.dataset.ready = "true";
          }),
        );
      });
    return () => {
      cancelled = true;
      stopShortcuts();
      stopValidation();
      stopSession();
      stopCompliance();
    };
  }, []);

  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <NoticeBar />
        <div className="workspace">
          <Palette />
          <main className="centre">
            <Canvas />
            <BottomPanel />
          </main>
          <Inspector />
        </div>
        <ContextMenu />
        <ShortcutsSheet />
        <DocumentModal />
        <DeployDialog />
        <QuestionModal />
      </div>
    </ReactFlowProvider>
  );
}
