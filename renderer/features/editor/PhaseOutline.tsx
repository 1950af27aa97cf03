import {
  arrivalsPerMonth,
  communicationsOf,
  customersAtStart,
  outgoingTransitions,
  type Phase,
  phasesByStage,
  type Roadmap,
} from "../../../shared/model";
import { formatCount, formatTypedPercent, plural } from "../../ui/format";

/** A read-only outline of the roadmap: its stages, their phases and where customers go next. */
export function PhaseOutline({ roadmap }: { roadmap: Roadmap }) {
  const phaseNames = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  return (
    <div className="outline">
      <section className="roadmap-facts" aria-label="Roadmap at a glance">
        <Fact label="Phases" value={formatCount(roadmap.phases.length)} />
        <Fact label="Transitions" value={formatCount(roadmap.transitions.length)} />
        <Fact label="Segments" value={formatCount(roadmap.segments.length)} />
        <Fact label="Communications" value={formatCount(roadmap.communications.length)} />
        <Fact label="Plan" value={`${roadmap.startMonth}, ${plural(roadmap.horizonMonths, "month")}`} />
        <Fact label="Currency" value={roadmap.currency} />
      </section>
      <div className="stage-columns">
        {phasesByStage(roadmap).map(({ stage, phases }) => (
          <section key={stage.id} className="stage-column" aria-labelledby={`stage-${stage.id}`}>
            <h2 id={`stage-${stage.id}`} className="stage-title" style={{ borderColor: stage.color }}>
              <span className="stage-dot" style={{ background: stage.color }} />
              {stage.name}
              <span className="muted stage-count">{phases.length}</span>
            </h2>
            {phases.length === 0 && <p className="muted stage-empty">No phases in this stage.</p>}
            {phases.map((phase) => (
              <PhaseCard key={phase.id} phase={phase} roadmap={roadmap} phaseNames={phaseNames} color={stage.color} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <span className="fact-label">{label}</span>
      <span className="fact-value">{value}</span>
    </div>
  );
}

interface PhaseCardProps {
  phase: Phase;
  roadmap: Roadmap;
  phaseNames: Map<string, string>;
  color: string;
}

function PhaseCard({ phase, roadmap, phaseNames, color }: PhaseCardProps) {
  const arrivals = arrivalsPerMonth(phase);
  const next = outgoingTransitions(roadmap, phase.id);
  const communications = communicationsOf(roadmap, phase.id);
  return (
    <article className="phase-card" style={{ borderLeftColor: color }} aria-label={`Phase ${phase.name}`}>
      <h3>{phase.name}</h3>
      {phase.description && <p className="phase-description">{phase.description}</p>}
      <dl className="phase-stats">
        <div>
          <dt>Customers at start</dt>
          <dd>{formatCount(customersAtStart(phase))}</dd>
        </div>
        {arrivals > 0 && (
          <div>
            <dt>New per month</dt>
            <dd>{formatCount(arrivals)}</dd>
          </div>
        )}
        <div>
          <dt>Churn per month</dt>
          <dd>{formatTypedPercent(phase.churnRate)}</dd>
        </div>
        <div>
          <dt>Communications</dt>
          <dd>{formatCount(communications.length)}</dd>
        </div>
      </dl>
      {next.length > 0 && (
        <ul className="phase-next" aria-label="Moves on to">
          {next.map((transition) => (
            <li key={transition.id}>
              → {phaseNames.get(transition.to)} <span className="muted">{formatTypedPercent(transition.rate)}/mo</span>
              {transition.trigger && <span className="muted"> · {transition.trigger}</span>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
