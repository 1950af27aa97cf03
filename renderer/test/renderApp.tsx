import { render } from "@testing-library/react";
import { App } from "../app/App";
import { AppStoreProvider } from "../app/AppStoreContext";
import { createTestApp } from "./fakes";

/** The whole app over an in-memory library, as a user would see it; `now` is the app's clock. */
export async function renderApp(now?: () => Date) {
  const app = createTestApp(now);
  await app.store.getState().refreshLibrary();
  const view = render(
    <AppStoreProvider store={app.store}>
      <App services={{ platform: app.platform }} />
    </AppStoreProvider>,
  );
  return { ...app, view };
}
