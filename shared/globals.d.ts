/**
 * The only runtime globals `shared/` relies on beyond ECMAScript itself. Browsers,
 * Electron and Node all provide them; declaring them here (instead of loading
 * the DOM or Node typings) keeps every other global out of reach.
 */
declare var crypto: { randomUUID(): string };

/** Decodes the bytes of an imported CSV file; every runtime the app runs in has it. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
