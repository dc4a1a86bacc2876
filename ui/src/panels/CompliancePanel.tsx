// Compliance: per framework, the controls and their status, and the ZTMM stage per pillar.
import { useEffect, useState } from "react";
import { invoke } from "@tauri-apps/api/core";

import { useDesignStore } from "../store/designStore";
import { errorMessage } from "../shell/api";

export function CompliancePanel() {
  const design = useDesignStore((s) => s.design);
  const [result, setResult] = useState<{ text: string } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    invoke<string>("compliance_summary", { design })
      .then((text) => live && setResult({ text }))
      .catch((error) => live && setResult({ error: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [design]);
  if (!result) return <div className="panel-empty">Assessing…</div>;
  if ("error" in result) return <div className="panel-empty">{result.error}</div>;
  return <pre className="compliance-text">{result.text}</pre>;
}
