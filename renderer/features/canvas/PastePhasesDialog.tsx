import { useState } from "react";
import { type PhaseClip, type Point, startingCustomersOf } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { formatCount, plural } from "../../ui/format";
import { pasteClip } from "./canvasActions";

/**
 * Phases being pasted or duplicated hold customers at the plan's start: the
 * copies start empty unless the user chooses to add those customers to the
 * roadmap's customer base.
 */
export function PastePhasesDialog({
  clip,
  offset,
  action,
}: {
  clip: PhaseClip;
  offset: Point;
  action: "paste" | "duplicate";
}) {
  const store = useAppStoreApi();
  const [withCustomers, setWithCustomers] = useState(false);
  const { total, byPhase } = startingCustomersOf(clip);
  const verb = action === "paste" ? "Paste" : "Duplicate";
  const close = () => store.getState().closeDialog();
  const confirm = () => pasteClip(store.getState(), clip, offset, withCustomers);
  const customers = plural(total, "customer");

  return (
    <Dialog
      title={`${verb} ${plural(clip.phases.length, "phase")}`}
      role="alertdialog"
      onClose={close}
      footer={<CancelOrConfirm onCancel={close} confirmLabel={verb} onConfirm={confirm} />}
    >
      <p>
        {clip.phases.length === 1 ? "This phase holds" : "These phases hold"} {customers} at the plan’s start:{" "}
        {byPhase.map((p) => `“${p.name}” ${formatCount(p.customers)}`).join(", ")}.
      </p>
      <fieldset className="field choice-list">
        <legend className="visually-hidden">Starting customers of the copies</legend>
        <label className="choice-option">
          <input
            type="radio"
            name="starting-customers"
            checked={!withCustomers}
            onChange={() => setWithCustomers(false)}
          />
          Without starting customers: the copies start empty
        </label>
        <label className="choice-option">
          <input
            type="radio"
            name="starting-customers"
            checked={withCustomers}
            onChange={() => setWithCustomers(true)}
          />
          With starting customers: adds {customers} to the roadmap
        </label>
      </fieldset>
    </Dialog>
  );
}
