import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentType } from "react";
import type { Roadmap } from "../../../shared/model";
import { AppStoreProvider, useAppState } from "../../app/AppStoreContext";
import { createTestApp } from "../../test/fakes";
import { NumberLocaleContext } from "../../ui/numberLocale";

/**
 * A view of the B2B template as the editor shows it: it follows the store's
 * document, so what an edit changes is what the next render shows.
 */
export async function renderGridView(View: ComponentType<{ roadmap: Roadmap }>, locale = "en-US") {
  const app = createTestApp();
  const store = app.store;
  const id = await store
    .getState()
    .createRoadmap({ name: "Acme", client: "Acme", templateId: "b2b-subscription-software" });
  await store.getState().openRoadmap(id);
  function Live() {
    const roadmap = useAppState((state) => state.document);
    return roadmap ? <View roadmap={roadmap} /> : null;
  }
  render(
    <AppStoreProvider store={store}>
      <NumberLocaleContext.Provider value={locale}>
        <Live />
      </NumberLocaleContext.Provider>
    </AppStoreProvider>,
  );
  const document = () => store.getState().document as Roadmap;
  return { store, document, user: userEvent.setup() };
}
