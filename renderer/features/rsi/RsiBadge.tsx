import type { PhaseNodeData } from "../canvas/canvasModel";
import { formatRsi } from "./rsiFormat";
import "./rsi.css";

/**
 * A phase's Relationship Strength Index on the canvas: "RSI 62", with n and
 * the interval in its tooltip, or "Too few answers (3)" in a muted style.
 */
export function RsiBadge({ data, compact = false }: { data: PhaseNodeData; compact?: boolean }) {
  if (data.rsiDetail === null) return null;
  const tooFew = data.rsi === null;
  return (
    <span
      className={`rsi-badge${tooFew ? " is-too-few" : ""}${compact ? " is-compact" : ""}`}
      title={data.rsiDetail}
      role="img"
      aria-label={data.rsiDetail}
      style={data.rsiTint ? ({ "--rsi-tint": data.rsiTint } as React.CSSProperties) : undefined}
    >
      {data.rsi === null ? `Too few answers (${data.rsiCount})` : `RSI ${formatRsi(data.rsi)}`}
    </span>
  );
}

/** The node's class and style while the colour scale tints it. */
export function rsiTintOf(data: PhaseNodeData): { className: string; style: Record<string, string> } {
  return data.rsiTint
    ? { className: " has-rsi-tint", style: { "--rsi-tint": data.rsiTint } }
    : { className: "", style: {} };
}
