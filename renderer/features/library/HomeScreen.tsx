import { useMemo } from "react";
import { ROADMAP_TEMPLATES } from "../../../shared/model";
import { useAppState, useAppStoreApi } from "../../app/AppStoreContext";
import { CommandButton } from "../../app/CommandButton";
import type { VersionSpace } from "../../data/roadmapRepository";
import { formatVersionSpace, plural } from "../../ui/format";
import { ImportIcon, PlusIcon } from "../../ui/icons";
import { RoadmapTable } from "./RoadmapTable";

/** The library: every roadmap on this computer, and the way to start a new one. */
export function HomeScreen() {
  const store = useAppStoreApi();
  const summaries = useAppState((state) => state.summaries);
  const versionSpace = useAppState((state) => state.versionSpace);
  const versionTotal = useMemo(() => totalVersionSpace(versionSpace), [versionSpace]);
  const loaded = useAppState((state) => state.libraryLoaded);
  const templates = useMemo(() => ROADMAP_TEMPLATES, []);

  const startFromTemplate = async (templateId: string | null) => {
    const state = store.getState();
    const id = await state.createRoadmap({ name: "", client: "", templateId });
    await state.openRoadmap(id);
  };

  return (
    <main className="home" aria-labelledby="home-title">
      <div className="home-head">
        <div>
          <h1 id="home-title">Roadmaps</h1>
          <p className="muted">
            {loaded ? plural(summaries.length, "roadmap") : "Loading…"}
            {versionTotal.count > 0 && ` · ${formatVersionSpace(versionTotal)}`} · kept on this computer, works offline
          </p>
        </div>
        <div className="toolbar">
          <CommandButton id="file.import">
            <ImportIcon /> Import .roadmap…
          </CommandButton>
          <CommandButton id="file.new" className="button button-primary">
            <PlusIcon /> New roadmap
          </CommandButton>
        </div>
      </div>

      {loaded && summaries.length === 0 ? (
        <section className="empty-state" aria-label="No roadmaps yet">
          <h2>Map your client's customer lifecycle</h2>
          <p className="muted">
            Draw the phases a customer moves through, put every team's communications where they happen, and see what
            the plan costs and buys. Start from a worked example or from a blank page.
          </p>
          <div className="toolbar">
            {templates.map((template) => (
              <button
                key={template.id}
                type="button"
                className="button"
                onClick={() => void startFromTemplate(template.id)}
              >
                Start from “{template.name}”
              </button>
            ))}
            <button type="button" className="button" onClick={() => void startFromTemplate(null)}>
              Blank roadmap
            </button>
          </div>
        </section>
      ) : (
        <RoadmapTable summaries={summaries} />
      )}
    </main>
  );
}

/** Every version in the library, the trash's included: all of them take space until deleted. */
function totalVersionSpace(space: ReadonlyMap<string, VersionSpace>): VersionSpace {
  let count = 0;
  let bytes = 0;
  for (const roadmap of space.values()) {
    count += roadmap.count;
    bytes += roadmap.bytes;
  }
  return { count, bytes };
}
