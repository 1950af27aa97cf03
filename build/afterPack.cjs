// electron-builder afterPack hook: flips Electron's fuses in the packaged
// binary, after the app is copied in and before it is signed (flipping after
// signing would break the signature). Fuses are compiled-in switches that an
// attacker cannot turn back on through environment variables or flags.
const { FuseV1Options, FuseVersion } = require("@electron/fuses");

/** @param {import("app-builder-lib").AfterPackContext} context */
exports.default = async function afterPack(context) {
  await context.packager.addElectronFuses(context, {
    version: FuseVersion.V1,
    // Without this, ELECTRON_RUN_AS_NODE turns the signed app into a plain Node.js.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Together these two make the app refuse to run code other than its own, checked app.asar.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // An ad-hoc signature on Apple Silicon is invalidated by the flip; electron-builder signs again right after.
    resetAdHocDarwinSignature: context.electronPlatformName === "darwin",
  });
};
