import type { WebContents } from "electron";
import type { EVENT_CHANNELS, MenuCommand, OpenedFile } from "../shared/ipc/contract";

export type RendererMessage =
  | { channel: typeof EVENT_CHANNELS.menuCommand; payload: MenuCommand }
  | { channel: typeof EVENT_CHANNELS.fileOpened; payload: OpenedFile };

/** Delivers a message to the renderer; false when there is no renderer to take it. */
export type Deliver = (message: RendererMessage) => boolean;

export interface RendererOutbox {
  post(message: RendererMessage): void;
  /** The renderer subscribed to its events: hand over everything that waited. */
  rendererReady(): void;
  /** The page is reloading or gone: hold messages until it says ready again. */
  rendererGone(): void;
}

/**
 * Holds messages for the renderer until it has subscribed to them. A file
 * opened from the command line or Finder arrives before the page has loaded,
 * and a message sent then would be lost.
 */
export function createRendererOutbox(deliver: Deliver): RendererOutbox {
  const waiting: RendererMessage[] = [];
  let ready = false;

  const flush = () => {
    while (ready && waiting.length > 0) {
      const [next] = waiting;
      if (next === undefined || !deliver(next)) {
        ready = false;
        return;
      }
      waiting.shift();
    }
  };

  return {
    post(message) {
      waiting.push(message);
      flush();
    },
    rendererReady() {
      ready = true;
      flush();
    },
    rendererGone() {
      ready = false;
    },
  };
}

/** A reload or a crashed renderer loses its subscriptions, so it must say ready again first. */
export function holdMessagesWhileReloading(contents: Pick<WebContents, "on">, outbox: RendererOutbox): void {
  contents.on("did-start-navigation", (details) => {
    if (details.isMainFrame && !details.isSameDocument) outbox.rendererGone();
  });
  contents.on("render-process-gone", () => outbox.rendererGone());
}
