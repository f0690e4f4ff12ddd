const base = { a: 1, b: 2 };
const ext = { ...base, b: 3, c: 4 };
const copy = { ...ext, ...null, ...undefined, ..."hi" };
console.log(JSON.stringify(ext), JSON.stringify(copy));
const getterSrc = { get v() { return 42; } };
const spreadGetter = { ...getterSrc };
console.log(Object.getOwnPropertyDescriptor(spreadGetter, "v").value);
