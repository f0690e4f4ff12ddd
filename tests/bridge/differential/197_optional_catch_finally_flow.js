function f() {
  try {
    throw new Error("x");
  } catch {
    return "from catch";
  } finally {
    console.log("finally first");
  }
}
console.log(f());
function g() {
  for (let i = 0; i < 3; i++) {
    try {
      if (i === 1) continue;
      if (i === 2) break;
    } finally {
      console.log("finally", i);
    }
  }
  return "done";
}
console.log(g());
