async function named() {}
const arrow = async () => {};
console.log(named.name, arrow.name, named.length, typeof named, named() instanceof Promise);
async function withParams(a, b = 1, ...c) {}
console.log(withParams.length);
