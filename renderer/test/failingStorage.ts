/**
 * Makes IndexedDB (fake-indexeddb in tests) refuse writes to some object
 * stores the way a full disk does: `put` throws a DOMException named
 * QuotaExceededError, as browsers raise it. Returns the function that lifts
 * the fault. Patched at the IndexedDB level, under Dexie, so the test sees
 * exactly what the app would.
 */
export function failWrites(storeNames: readonly string[], name = "QuotaExceededError"): () => void {
  const proto = IDBObjectStore.prototype;
  const original = proto.put;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
    if (storeNames.includes(this.name)) throw new DOMException(`The ${this.name} store is over its quota`, name);
    return original.apply(this, args);
  };
  return () => {
    proto.put = original;
  };
}
