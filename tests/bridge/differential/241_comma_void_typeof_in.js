let x = (1, 2, 3);
console.log(x, void 0, typeof undeclaredThing, typeof null, typeof [], typeof (() => {}), "length" in [], delete {}.a);
let i = 0;
const r = (i++, i++, i);
console.log(r);
