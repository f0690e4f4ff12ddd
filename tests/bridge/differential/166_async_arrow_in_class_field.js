class Widget {
  name = "widget";
  handler = async () => {
    await null;
    return this.name;
  };
  static create = async () => new Widget();
}
(async () => {
  const w = await Widget.create();
  const h = w.handler;
  console.log(await h());
})();
