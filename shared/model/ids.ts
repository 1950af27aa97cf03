/** A fresh id for a new roadmap or object. */
export function createId(): string {
  return crypto.randomUUID();
}
