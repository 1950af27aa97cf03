import { build } from "esbuild";
import { electronBundles } from "./electronBundles.mjs";

await build(electronBundles);
