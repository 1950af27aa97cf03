export * from "./createRoadmap";
export * from "./defaults";
export * from "./ids";
export * from "./issues";
export * from "./parse";
export * from "./roadmapFile";
export * from "./schema";
export * from "./templates";
