async function f() {
  try {
    await null;
    return "try";
  } finally {
    console.log("in finally");
  }
}
async function g() {
  try {
    throw new Error("x");
  } catch (e) {
    await null;
    return "catch " + e.message;
  }
}
f().then(console.log);
g().then(console.log);
