const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i++, done: i > 5 }),
      return: () => { console.log("iterator closed at", i); return { done: true }; },
    };
  },
};
for (const v of iterable) if (v === 2) break;
const [first, second] = iterable;
console.log(first, second);
try { for (const v of iterable) throw new Error("stop " + v); } catch (e) { console.log(e.message); }
