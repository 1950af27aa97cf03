import { Panel } from "@xyflow/react";
import { rsiColour } from "./rsiFormat";
import "./rsi.css";

const STOPS = [0, 25, 50, 75, 100];

/** The canvas's key to the colour scale, while phases are coloured by RSI. */
export function RsiLegend() {
  const gradient = `linear-gradient(to right, ${STOPS.map((rsi) => `${rsiColour(rsi)} ${rsi}%`).join(", ")})`;
  return (
    <Panel position="top-right" className="rsi-legend" aria-label="RSI colour scale">
      <div className="rsi-legend-title">Relationship Strength Index</div>
      <div className="rsi-legend-bar" style={{ background: gradient }} />
      <div className="rsi-legend-ends">
        <span>0 weak</span>
        <span>50</span>
        <span>100 strong</span>
      </div>
      <div className="rsi-legend-note">
        <span className="rsi-badge is-too-few">Too few answers</span> not coloured
      </div>
    </Panel>
  );
}
