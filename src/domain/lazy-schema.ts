// A zod schema built the first time it is used, not when its module loads. zod 4 does real work per schema it
// builds (every `.min()`, `.trim()`, `z.object()` is a new instance with its traits set up): the ≈ 300 schemas
// of the records, the wire and the backup took ≈ 65 ms of a tablet's cold start at CPU 4x (bench 4a, CDP
// profile), before the start screen could render, although a cold start parses nothing. The schema is the same
// object every time (the proxy forwards everything to it), so types, `z.infer`, `.shape`, `.pick()`, nesting in
// other schemas and `accepts` work unchanged.

/** `make` runs once, on the first read of any property of the returned schema. */
export function lazySchema<T extends object>(make: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= make());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key, real()),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target is a plain extensible object: it may only report configurable properties.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
