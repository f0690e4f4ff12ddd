(async () => {
  outer: for (const x of [1, 2, 3]) {
    switch (await Promise.resolve(x)) {
      case 1: console.log("one"); break;
      case 2: console.log("two"); continue outer;
      default: console.log("other"); break outer;
    }
    console.log("after switch", x);
  }
})();
