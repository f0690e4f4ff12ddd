console.log(typeof globalThis, globalThis === this || typeof globalThis.setTimeout === "function");
console.log(typeof Symbol.asyncIterator, String(Symbol.asyncIterator));
console.log(Symbol("desc").description, Symbol().description, Symbol.for("reg").description, Symbol.iterator.description);
