import { describeDiagnostic, type PlanDiagnostic } from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { plural } from "../../ui/format";

const NO_DIAGNOSTICS: readonly PlanDiagnostic[] = [];

/**
 * What makes the plan's figures doubtful; clicking one selects what it
 * concerns on the canvas. It folds down to its counts so it does not cover the
 * canvas in a workshop, and stays folded from one session to the next.
 */
export function DiagnosticsPanel({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const diagnostics = useAppState((state) => state.plan?.diagnostics ?? NO_DIAGNOSTICS);
  const collapsed = useAppState((state) => state.preferences.diagnosticsCollapsed);
  const communications = new Map(roadmap.communications.map((c) => [c.id, c]));
  const select = (d: PlanDiagnostic) => {
    const phaseId =
      "phaseId" in d ? d.phaseId : communications.get(("communicationId" in d && d.communicationId) || "")?.phaseId;
    if (phaseId) store.getState().select({ phaseIds: [phaseId], transitionIds: [] });
  };
  if (diagnostics.length === 0) {
    return (
      <section className="diagnostics is-empty" aria-label="Diagnostics">
        <span className="muted">Diagnostics: nothing doubtful in the plan</span>
      </section>
    );
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const counts = [
    errors > 0 ? plural(errors, "error") : "",
    diagnostics.length > errors ? plural(diagnostics.length - errors, "warning") : "",
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <section className={collapsed ? "diagnostics is-collapsed" : "diagnostics"} aria-label="Diagnostics">
      <h2 className="diagnostics-title">
        <button
          type="button"
          className="diagnostics-toggle"
          aria-expanded={!collapsed}
          title={collapsed ? "Show the diagnostics" : "Fold the diagnostics down to their counts"}
          onClick={() => store.getState().setPreference("diagnosticsCollapsed", !collapsed)}
        >
          <span aria-hidden="true">{collapsed ? "▸" : "▾"}</span> Diagnostics{" "}
          <span className={errors > 0 ? "diagnostics-count has-errors" : "diagnostics-count"}>{counts}</span>
        </button>
      </h2>
      {!collapsed && (
        <ul>
          {diagnostics.map((d) => (
            <li key={diagnosticKey(d)}>
              <button type="button" className={`diagnostic is-${d.severity}`} onClick={() => select(d)}>
                {describeDiagnostic(d, roadmap)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Unique per diagnostic: a kind never repeats for the same phase, segment or communication. */
function diagnosticKey(d: PlanDiagnostic): string {
  return [
    d.kind,
    "phaseId" in d ? d.phaseId : "",
    "segmentId" in d ? d.segmentId : "",
    "communicationId" in d ? d.communicationId : "",
  ].join(":");
}
