import type { Roadmap } from "../../../shared/model";
import type { RsiFigure } from "../../../shared/survey/rsi";
import { plural } from "../../ui/format";
import type { WaveRsi } from "./useRsi";

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** "62": what a badge or a grid cell shows. */
export const formatRsi = (rsi: number): string => whole.format(rsi);

/** "62.4": where there is room for the decimal. */
export const formatRsiPrecise = (rsi: number): string => oneDecimal.format(rsi);

/** "+4.2", "−3.0", "0.0": a change between waves. */
export const formatRsiChange = (change: number): string => signed.format(change);

/** "57.1–67.7", or null when there is no interval (a single respondent). */
export function formatInterval(figure: Pick<RsiFigure, "low" | "high">): string | null {
  return figure.low === null || figure.high === null
    ? null
    : `${oneDecimal.format(figure.low)}–${oneDecimal.format(figure.high)}`;
}

/** "RSI 62.4 · n = 48 · 95 % interval 57.1–67.7", or why there is no number. */
export function describeFigure(figure: RsiFigure, minimum: number): string {
  if (figure.rsi === null) return `Too few answers: ${plural(figure.n, "respondent")}, at least ${minimum} needed`;
  const interval = formatInterval(figure);
  return `RSI ${formatRsiPrecise(figure.rsi)} · n = ${figure.n}${interval ? ` · 95 % interval ${interval}` : ""}`;
}

/** Hues of the colour scale at RSI 0, 50 and 100: red, amber, green. */
const HUES = [4, 38, 140] as const;

/**
 * The colour of an RSI on the red (weak) – amber – green (strong) scale, as
 * a CSS colour. Never the only signal: the number is always shown beside it.
 */
export function rsiColour(rsi: number): string {
  const t = Math.min(100, Math.max(0, rsi)) / 50;
  const [low, mid, high] = HUES;
  const hue = t <= 1 ? low + (mid - low) * t : mid + (high - mid) * (t - 1);
  return `hsl(${Math.round(hue)} 68% 46%)`;
}

/** What a phase's badge on the canvas shows. */
export interface PhaseRsiBadge {
  /** The RSI, or null: "too few answers". */
  rsi: number | null;
  n: number;
  /** The badge's tooltip. */
  detail: string;
  /** The tint of the phase while the colour scale is on; null when off or there is no number. */
  tint: string | null;
}

/**
 * Each phase's badge: from the survey wave shown when the roadmap has
 * answers (a phase no respondent is in gets none), else the RSI typed by
 * hand in the inspector, as roadmaps without a survey always had it.
 */
export function phaseRsiBadges(
  roadmap: Pick<Roadmap, "phases" | "survey">,
  shown: WaveRsi | null,
  colour: boolean,
): Map<string, PhaseRsiBadge> {
  const badges = new Map<string, PhaseRsiBadge>();
  const tint = (rsi: number | null) => (colour && rsi !== null ? rsiColour(rsi) : null);
  if (shown) {
    const minimum = roadmap.survey.minimumRespondents;
    for (const figure of shown.result.phases) {
      badges.set(figure.phaseId, {
        rsi: figure.rsi,
        n: figure.n,
        detail: `${describeFigure(figure, minimum)} · survey “${shown.wave.name}” of ${shown.wave.date}`,
        tint: tint(figure.rsi),
      });
    }
    return badges;
  }
  for (const phase of roadmap.phases) {
    const typed = phase.relationshipStrength;
    if (!typed) continue;
    badges.set(phase.id, {
      rsi: typed.score,
      n: typed.respondents,
      detail: `RSI ${formatRsiPrecise(typed.score)} · n = ${typed.respondents} · entered by hand`,
      tint: tint(typed.score),
    });
  }
  return badges;
}
