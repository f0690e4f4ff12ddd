const errors = [new Error("e"), new TypeError("t"), new RangeError("r"), new SyntaxError("s"), new ReferenceError("f")];
for (const e of errors) console.log(e.name, e.message, e instanceof Error, String(e));
try { null.x; } catch (e) { console.log(e instanceof TypeError); }
try { undefinedVariable; } catch (e) { console.log(e.name); }
class MyError extends Error {
  constructor(msg) { super(msg); this.name = "MyError"; }
}
const me = new MyError("custom");
console.log(me.name, me.message, me instanceof MyError, me instanceof Error, String(me));
