import { useState } from "react";
import type { RoadmapTemplate } from "../../../shared/model";
import { useAppStoreApi } from "../../app/AppStoreContext";
import { Dialog } from "../../ui/Dialog";

/** Name, client and starting point of a new roadmap. */
export function NewRoadmapDialog({ templates }: { templates: readonly RoadmapTemplate[] }) {
  const store = useAppStoreApi();
  const [name, setName] = useState("");
  const [client, setClient] = useState("");
  const [templateId, setTemplateId] = useState<string | null>(templates[0]?.id ?? null);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().closeDialog();

  const create = async () => {
    if (busy) return;
    setBusy(true);
    const state = store.getState();
    const id = await state.createRoadmap({ name, client, templateId });
    state.closeDialog();
    await state.openRoadmap(id);
  };

  const options: { id: string | null; name: string; description: string }[] = [
    ...templates.map(({ id, name, description }) => ({ id, name, description })),
    { id: null, name: "Blank roadmap", description: "The standard lifecycle stages and channels, no phases yet." },
  ];

  return (
    <Dialog
      title="New roadmap"
      onClose={close}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-roadmap-form" className="button button-primary" disabled={busy}>
            Create roadmap
          </button>
        </>
      }
    >
      <form
        id="new-roadmap-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input
            value={name}
            maxLength={200}
            placeholder={templateId ? "Leave empty to use the template's name" : "Untitled roadmap"}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Client</span>
          <input value={client} maxLength={200} onChange={(event) => setClient(event.target.value)} />
        </label>
        <fieldset className="field template-choice">
          <legend>Start from</legend>
          {options.map((option) => (
            <label
              key={option.id ?? "blank"}
              className={templateId === option.id ? "template-option is-checked" : "template-option"}
            >
              <input
                type="radio"
                name="template"
                checked={templateId === option.id}
                onChange={() => setTemplateId(option.id)}
              />
              <span>
                <strong>{option.name}</strong>
                <span className="muted">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}
