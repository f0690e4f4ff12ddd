const o = {
  v: 1,
  async get() { await null; return this?.v; },
};
const detached = o.get;
detached().then((v) => console.log("detached", v));
o.get.call({ v: 99 }).then((v) => console.log("call", v));
o.get().then((v) => console.log("method", v));
