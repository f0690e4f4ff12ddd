class Feed {
  constructor(items) { this.items = items; }
  async *[Symbol.asyncIterator]() {
    for (const i of this.items) {
      await null;
      yield i.toUpperCase();
    }
  }
  static async *of(...xs) { yield* xs; }
}
(async () => {
  for await (const x of new Feed(["a", "b"])) console.log(x);
  for await (const x of Feed.of(1, 2)) console.log(x);
})();
