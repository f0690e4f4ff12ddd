function describe(n) {
  const out = [];
  switch (n) {
    case 1: out.push("one");
    case 2: out.push("two"); break;
    case "3": out.push("string three"); break;
    default: out.push("default");
    case 4: out.push("four");
  }
  return out.join("+");
}
console.log([1, 2, 3, "3", 4, 5].map(describe).join(" | "));
