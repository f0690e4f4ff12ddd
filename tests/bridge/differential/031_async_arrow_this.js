function Timer() {
  this.label = "timer";
  this.run = async () => {
    await null;
    return this.label;
  };
}
const t = new Timer();
const run = t.run;
run().then((v) => console.log("arrow this", v));
const o = {
  label: "o",
  make() {
    return async () => {
      await new Promise((r) => setTimeout(r, 1));
      return this.label;
    };
  },
};
o.make()().then((v) => console.log("nested arrow this", v));
