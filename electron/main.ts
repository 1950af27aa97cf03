import { app } from "electron";
import { startApp } from "./app";

startApp({
  argv: process.argv,
  workingDirectory: process.cwd(),
  platform: process.platform,
  rendererUrl: process.env.RENDERER_URL,
}).catch((error: unknown) => {
  console.error("Relationship Roadmap failed to start:", error);
  app.exit(1);
});
