import { withCommunicationLock } from "../../../shared/optimise/optionPresets";
import { useAppState } from "../../app/AppStoreContext";
import { LOCK_OPTIONS, useEditOptimiser } from "../optimiser/settings/optimiserEdit";
import { SelectField } from "./fields";

/** Whether the optimiser may drop this communication, must keep it, or must leave it out. */
export function OptimiserLockField({ communicationId }: { communicationId: string }) {
  const edit = useEditOptimiser();
  const lock = useAppState((state) => state.document?.optimiser.communications[communicationId]?.lock ?? "free");
  return (
    <SelectField
      label="Optimiser"
      value={lock}
      options={LOCK_OPTIONS}
      onCommit={(next) => edit((settings) => withCommunicationLock(settings, communicationId, next))}
    />
  );
}
