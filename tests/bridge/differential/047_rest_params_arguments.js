function f(first, ...rest) {
  return `${first}|${rest.length}|${rest.join("+")}|${arguments.length}`;
}
console.log(f(1), f(1, 2, 3));
const arrow = (...args) => args.map((a) => typeof a).join();
console.log(arrow(1, "s", null, undefined, {}));
