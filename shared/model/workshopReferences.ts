import type { Point } from "./edits";
import type { BaseScenario, NoteAnchor, OptimiserSettings, Roadmap, Scenario, Survey } from "./schema";

/**
 * After an edit that removed phases, transitions, communications, segments or
 * channels: a sticky note stuck to one of them stays on the canvas where that
 * element was (a workshop's open question is never dropped with what it was
 * about), the presentation walk forgets the phases that are gone, survey
 * respondents keep their answers but no longer point at what was removed, and
 * scenarios forget what they said about removed communications, transitions,
 * phases and segments, and the optimiser forgets the options, locks, budgets
 * and rules of removed communications, owners and phases (a rule or group left
 * with nothing to apply to goes with them).
 */
export function settleWorkshopReferences(before: Roadmap, after: Roadmap): Roadmap {
  const survey = settleSurveyReferences(after);
  const withSurvey = survey === after.survey ? after : { ...after, survey };
  const optimiser = settleOptimiserReferences(withSurvey);
  const withOptimiser = optimiser === withSurvey.optimiser ? withSurvey : { ...withSurvey, optimiser };
  return settleNotesAndWalk(before, settleScenarioReferences(withOptimiser));
}

function settleOptimiserReferences(roadmap: Roadmap): OptimiserSettings {
  const settings = roadmap.optimiser;
  const communications = new Set(roadmap.communications.map((c) => c.id));
  const owners = new Set(roadmap.owners.map((o) => o.id));
  const phases = new Set(roadmap.phases.map((p) => p.id));
  const options = onlyKeys(settings.communications, communications);
  const ownerBudgets = settings.ownerBudgets.filter((budget) => owners.has(budget.ownerId));
  let coverageChanged = false;
  const purposeCoverage = settings.purposeCoverage.flatMap((rule) => {
    if (rule.phaseIds.every((id) => phases.has(id))) return [rule];
    coverageChanged = true;
    const phaseIds = rule.phaseIds.filter((id) => phases.has(id));
    // A rule for named phases that are all gone would otherwise widen to every phase.
    return phaseIds.length === 0 ? [] : [{ ...rule, phaseIds }];
  });
  let groupsChanged = false;
  const exclusiveGroups = settings.exclusiveGroups.flatMap((group) => {
    if (group.communicationIds.every((id) => communications.has(id))) return [group];
    groupsChanged = true;
    const communicationIds = group.communicationIds.filter((id) => communications.has(id));
    return communicationIds.length < 2 ? [] : [{ ...group, communicationIds }];
  });
  const unchanged =
    options === settings.communications &&
    ownerBudgets.length === settings.ownerBudgets.length &&
    !coverageChanged &&
    !groupsChanged;
  if (unchanged) return settings;
  return {
    ...settings,
    communications: options,
    ownerBudgets: ownerBudgets.length === settings.ownerBudgets.length ? settings.ownerBudgets : ownerBudgets,
    purposeCoverage: coverageChanged ? purposeCoverage : settings.purposeCoverage,
    exclusiveGroups: groupsChanged ? exclusiveGroups : settings.exclusiveGroups,
  };
}

function settleNotesAndWalk(before: Roadmap, after: Roadmap): Roadmap {
  if (after.stickyNotes.length === 0 && after.presentation.walkOrder.length === 0) return after;
  const phases = new Set(after.phases.map((p) => p.id));
  const transitions = new Set(after.transitions.map((t) => t.id));
  const communications = new Set(after.communications.map((c) => c.id));
  const stillThere = (anchor: NoteAnchor) => {
    switch (anchor.kind) {
      case "canvas":
        return true;
      case "phase":
        return phases.has(anchor.phaseId);
      case "transition":
        return transitions.has(anchor.transitionId);
      case "communication":
        return communications.has(anchor.communicationId);
    }
  };
  const orphaned = after.stickyNotes.some((note) => !stillThere(note.anchor));
  const walkOrder = after.presentation.walkOrder.filter((id) => phases.has(id));
  const walkChanged = walkOrder.length !== after.presentation.walkOrder.length;
  if (!orphaned && !walkChanged) return after;
  return {
    ...after,
    stickyNotes: orphaned
      ? after.stickyNotes.map((note) =>
          stillThere(note.anchor)
            ? note
            : { ...note, anchor: { kind: "canvas", position: whereItWas(before, note.anchor) } },
        )
      : after.stickyNotes,
    presentation: walkChanged ? { ...after.presentation, walkOrder } : after.presentation,
  };
}

function whereItWas(roadmap: Roadmap, anchor: NoteAnchor): Point {
  const phaseAt = (id: string | undefined) => roadmap.phases.find((p) => p.id === id)?.position;
  switch (anchor.kind) {
    case "canvas":
      return anchor.position;
    case "phase":
      return phaseAt(anchor.phaseId) ?? { x: 0, y: 0 };
    case "transition": {
      const t = roadmap.transitions.find((candidate) => candidate.id === anchor.transitionId);
      const from = phaseAt(t?.from);
      const to = phaseAt(t?.to);
      if (!from || !to) return from ?? to ?? { x: 0, y: 0 };
      return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    }
    case "communication": {
      const phaseId = roadmap.communications.find((c) => c.id === anchor.communicationId)?.phaseId;
      return phaseAt(phaseId) ?? { x: 0, y: 0 };
    }
  }
}

/**
 * A respondent in a removed phase or segment is kept (their answers still
 * count in the dimension scores and the overall index) with that field
 * emptied; a removed channel leaves their preferred channels.
 */
function settleSurveyReferences(roadmap: Roadmap): Survey {
  const { survey } = roadmap;
  if (survey.waves.length === 0) return survey;
  const phases = new Set(roadmap.phases.map((p) => p.id));
  const segments = new Set(roadmap.segments.map((s) => s.id));
  const channels = new Set(roadmap.channels.map((c) => c.id));
  let changed = false;
  const waves = survey.waves.map((wave) => {
    let waveChanged = false;
    const respondents = wave.respondents.map((respondent) => {
      const phaseGone = respondent.phaseId !== null && !phases.has(respondent.phaseId);
      const segmentGone = respondent.segmentId !== null && !segments.has(respondent.segmentId);
      const channelGone = respondent.preferredChannelIds.some((id) => !channels.has(id));
      if (!phaseGone && !segmentGone && !channelGone) return respondent;
      waveChanged = true;
      return {
        ...respondent,
        phaseId: phaseGone ? null : respondent.phaseId,
        segmentId: segmentGone ? null : respondent.segmentId,
        preferredChannelIds: channelGone
          ? respondent.preferredChannelIds.filter((id) => channels.has(id))
          : respondent.preferredChannelIds,
      };
    });
    if (!waveChanged) return wave;
    changed = true;
    return { ...wave, respondents };
  });
  return changed ? { ...survey, waves } : survey;
}

function settleScenarioReferences(roadmap: Roadmap): Roadmap {
  if (roadmap.scenarios.length === 0 && roadmap.baseScenario.excludedCommunicationIds.length === 0) return roadmap;
  const communications = new Set(roadmap.communications.map((c) => c.id));
  const transitions = new Set(roadmap.transitions.map((t) => t.id));
  const phases = new Set(roadmap.phases.map((p) => p.id));
  const segments = new Set(roadmap.segments.map((s) => s.id));
  const keepExcluded = <S extends BaseScenario>(scenario: S): S => {
    const kept = scenario.excludedCommunicationIds.filter((id) => communications.has(id));
    return kept.length === scenario.excludedCommunicationIds.length
      ? scenario
      : { ...scenario, excludedCommunicationIds: kept };
  };
  const settleScenario = (scenario: Scenario): Scenario => {
    const transitionOverrides = onlyKeys(scenario.transitions, transitions);
    let rebuilt = false;
    const settledTransitions = Object.fromEntries(
      Object.entries(transitionOverrides).map(([id, override]) => {
        if (!override.rateBySegment) return [id, override];
        const rateBySegment = onlyKeys(override.rateBySegment, segments);
        if (rateBySegment === override.rateBySegment) return [id, override];
        rebuilt = true;
        return [id, { ...override, rateBySegment }];
      }),
    );
    const next = {
      ...keepExcluded(scenario),
      communications: onlyKeys(scenario.communications, communications),
      transitions: rebuilt ? settledTransitions : transitionOverrides,
      phases: onlyKeys(scenario.phases, phases),
    };
    const unchanged =
      next.excludedCommunicationIds === scenario.excludedCommunicationIds &&
      next.communications === scenario.communications &&
      next.transitions === scenario.transitions &&
      next.phases === scenario.phases;
    return unchanged ? scenario : next;
  };
  const baseScenario = keepExcluded(roadmap.baseScenario);
  const scenarios = roadmap.scenarios.map(settleScenario);
  const scenariosChanged = scenarios.some((scenario, i) => scenario !== roadmap.scenarios[i]);
  if (baseScenario === roadmap.baseScenario && !scenariosChanged) return roadmap;
  return { ...roadmap, baseScenario, scenarios: scenariosChanged ? scenarios : roadmap.scenarios };
}

/** The record itself when every key is still known, so an unaffected scenario stays the same object. */
function onlyKeys<Value>(record: Record<string, Value>, known: Set<string>): Record<string, Value> {
  const keys = Object.keys(record);
  if (keys.every((key) => known.has(key))) return record;
  return Object.fromEntries(keys.filter((key) => known.has(key)).map((key) => [key, record[key] as Value]));
}
