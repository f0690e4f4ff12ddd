const p = Promise.resolve(5);
console.log(Promise.resolve(p) === p, p instanceof Promise, Object.prototype.toString.call(p));
const self = new Promise((r) => setTimeout(() => r(self), 0));
self.catch((e) => console.log(e instanceof TypeError));
