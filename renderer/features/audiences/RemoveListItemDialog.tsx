import { useState } from "react";
import { communicationsUsing, type OrganisationList, type RemovalPolicy, removeListItem } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { HandOverChoice } from "../../ui/HandOverChoice";

const KIND: Record<OrganisationList, "segment" | "owner" | "channel" | "role"> = {
  segments: "segment",
  owners: "owner",
  channels: "channel",
  roles: "role",
};

/**
 * Removing a segment, owner or channel that communications use: hand them to
 * another one, or remove them too. Never leaves a reference dangling.
 */
export function RemoveListItemDialog({ list, id }: { list: OrganisationList; id: string }) {
  const store = useAppStoreApi();
  const roadmap = useAppState((state) => state.document);
  const items: readonly { id: string; name: string }[] = roadmap?.[list] ?? [];
  const others = items.filter((item) => item.id !== id);
  const [choice, setChoice] = useState<"reassign" | "remove">(
    others.length > 0 && list !== "roles" ? "reassign" : "remove",
  );
  const [target, setTarget] = useState(others[0]?.id ?? "");
  if (!roadmap) return null;
  const item = items.find((i) => i.id === id);
  const kind = KIND[list];
  const used = communicationsUsing(roadmap, kind, id).length;
  const close = () => store.getState().closeDialog();
  const confirm = () => {
    const policy: RemovalPolicy =
      choice === "reassign" && target ? { kind: "reassign", to: target } : { kind: "remove" };
    store.getState().closeDialog();
    // Made in a scenario, the store applies a removal to the whole roadmap: hidden communications use the item too.
    store.getState().edit((r) => removeListItem(r, list, id, policy));
  };
  const canReassign = list !== "roles" && others.length > 0;

  return (
    <Dialog
      title={`Remove ${kind} “${item?.name ?? ""}”`}
      role="alertdialog"
      onClose={close}
      footer={<CancelOrConfirm onCancel={close} confirmLabel="Remove" onConfirm={confirm} destructive />}
    >
      {used === 0 && list !== "segments" ? (
        <p>No communication uses it.</p>
      ) : list === "roles" ? (
        <p>
          It is removed from the audience of {used} communication{used === 1 ? "" : "s"}; they stay.
        </p>
      ) : (
        <fieldset className="field choice-list">
          <legend>
            {list === "segments"
              ? `Its customers and ${used} communication audience${used === 1 ? "" : "s"}:`
              : `${used} communication${used === 1 ? "" : "s"} use${used === 1 ? "s" : ""} it:`}
          </legend>
          {canReassign && (
            <HandOverChoice
              group="removal"
              chosen={choice === "reassign"}
              onChoose={() => setChoice("reassign")}
              label="Hand over to"
              selectLabel={`${kind} to hand over to`}
              options={others}
              target={target}
              onTarget={setTarget}
            />
          )}
          <label className="choice-option">
            <input type="radio" name="removal" checked={choice === "remove"} onChange={() => setChoice("remove")} />
            {list === "segments"
              ? "Remove its customers, and communications addressed to it alone"
              : "Remove those communications"}
          </label>
        </fieldset>
      )}
    </Dialog>
  );
}
