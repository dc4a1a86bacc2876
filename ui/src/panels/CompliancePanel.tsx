// Compliance: per framework, the controls and their status, and the ZTMM stage per pillar. The
// shell has no compliance command yet (crates/compliance is not exposed through crates/zta), so
// the tab says so instead of showing an error.
export function CompliancePanel() {
  return (
    <div className="panel-empty" data-testid="compliance-pending">
      The compliance assessment (framework controls and ZTMM stages) is not connected to the app yet; run
      the report from the command line meanwhile.
    </div>
  );
}
