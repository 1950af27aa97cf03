import { useViewedRoadmap } from "../editor/viewedRoadmap";
import { BudgetSettings } from "./settings/BudgetSettings";
import { ContactCapSettings, SolverSettings } from "./settings/CapsAndSolverSettings";
import { CommunicationOptionsTable } from "./settings/CommunicationOptionsTable";
import { OptionPresets } from "./settings/OptionPresets";
import { useOptimiserSettings } from "./settings/optimiserEdit";
import { AlternativeGroups, CoverageRules } from "./settings/RuleSettings";
import "./settings/optimiserSettings.css";

/**
 * What the optimiser is asked, as the user edits it: the objective and
 * budgets, the contact caps, each communication's lock and options, the
 * purposes to keep, alternatives and the solver's limits. The settings are
 * the roadmap's; the communications listed are those of the scenario shown,
 * which is the one optimised.
 */
export function OptimiserSettingsPanel() {
  const roadmap = useViewedRoadmap();
  const settings = useOptimiserSettings();
  if (!roadmap || !settings) return null;
  return (
    <section className="optimiser-settings" aria-label="Optimiser settings">
      <h2 className="optimiser-settings-title">Optimiser settings</h2>
      <BudgetSettings roadmap={roadmap} settings={settings} />
      <ContactCapSettings roadmap={roadmap} settings={settings} />
      <CommunicationOptionsTable roadmap={roadmap} settings={settings} />
      <OptionPresets roadmap={roadmap} />
      <CoverageRules roadmap={roadmap} settings={settings} />
      <AlternativeGroups roadmap={roadmap} settings={settings} />
      <SolverSettings settings={settings} />
    </section>
  );
}
