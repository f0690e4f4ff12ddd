console.log("before the throw");
function fail() { throw new Error("top-level failure"); }
fail();
console.log("never printed");
