import { describeDiagnostic, type PlanDiagnostic } from "../../../shared/engine";
import type { Roadmap } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";

const NO_DIAGNOSTICS: readonly PlanDiagnostic[] = [];

/** What makes the plan's figures doubtful; clicking one selects what it concerns on the canvas. */
export function DiagnosticsPanel({ roadmap }: { roadmap: Roadmap }) {
  const store = useAppStoreApi();
  const diagnostics = useAppState((state) => state.plan?.diagnostics ?? NO_DIAGNOSTICS);
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
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <h2 className="diagnostics-title">
        Diagnostics <span className="muted">{diagnostics.length}</span>
      </h2>
      <ul>
        {diagnostics.map((d) => (
          <li key={diagnosticKey(d)}>
            <button type="button" className={`diagnostic is-${d.severity}`} onClick={() => select(d)}>
              {describeDiagnostic(d, roadmap)}
            </button>
          </li>
        ))}
      </ul>
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
