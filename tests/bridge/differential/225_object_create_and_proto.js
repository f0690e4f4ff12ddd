const proto = { hello() { return "hello " + this.name; } };
const o = Object.create(proto, { name: { value: "o", enumerable: true } });
console.log(o.hello(), Object.getPrototypeOf(o) === proto, proto.isPrototypeOf(o), o.hasOwnProperty("hello"));
const bare = Object.create(null);
bare.k = 1;
console.log(Object.keys(bare).join(), typeof bare.toString);
