import { render } from "@testing-library/react";
import { App } from "../app/App";
import { AppStoreProvider } from "../app/AppStoreContext";
import { createTestApp } from "./fakes";

/** The whole app over an in-memory library, as a user would see it. */
export async function renderApp() {
  const app = createTestApp();
  await app.store.getState().refreshLibrary();
  const view = render(
    <AppStoreProvider store={app.store}>
      <App services={{ platform: app.platform }} />
    </AppStoreProvider>,
  );
  return { ...app, view };
}
