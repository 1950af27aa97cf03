/** Placeholder until the settings panel lands (helper D2 replaces this file). */
export function OptimiserSettingsPanel() {
  return <section className="plan-section" aria-label="Optimiser settings" />;
}
