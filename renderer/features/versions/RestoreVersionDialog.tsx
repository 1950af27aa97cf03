import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CancelOrConfirm, Dialog } from "../../ui/Dialog";
import { formatDateTime } from "../../ui/format";

/** Asks before a version replaces the roadmap, saying that nothing is lost: the current state is kept first. */
export function RestoreVersionDialog({ versionId }: { versionId: string }) {
  const store = useAppStoreApi();
  const version = useAppState((state) => state.versions.find((v) => v.id === versionId));
  const close = () => store.getState().closeDialog();
  const name = version?.name ?? "this version";

  const restore = async () => {
    close();
    // Restoring is an edit of the roadmap, which a version open read only would refuse.
    store.getState().closeReadOnlyVersion();
    await store.getState().restoreVersion(versionId);
  };

  return (
    <Dialog
      title={`Restore “${name}”?`}
      role="alertdialog"
      onClose={close}
      footer={<CancelOrConfirm onCancel={close} confirmLabel="Restore" onConfirm={() => void restore()} />}
    >
      <p>
        The roadmap goes back to how it was
        {version ? ` on ${formatDateTime(version.createdAt)}` : ""}. Its current state is kept as a version first
        (“Before restore”), so nothing is lost, and Undo brings it straight back.
      </p>
    </Dialog>
  );
}
