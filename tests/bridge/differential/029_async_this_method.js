class Counter {
  constructor() { this.count = 0; }
  async inc(n) {
    await null;
    this.count += n;
    return this;
  }
}
const c = new Counter();
c.inc(2).then((self) => self.inc(3)).then((self) => console.log(self === c, c.count));
const obj = {
  name: "obj",
  async hello() {
    await null;
    return "hello from " + this.name;
  },
};
obj.hello().then(console.log);
