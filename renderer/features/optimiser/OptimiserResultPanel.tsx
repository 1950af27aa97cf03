/** Placeholder until the result panel lands (helper D3 replaces this file). */
export function OptimiserResultPanel() {
  return <section className="plan-section" aria-label="Optimiser result" />;
}
