function* g() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    console.log("caught", e);
    yield 99;
  } finally {
    console.log("finally");
  }
}
const a = g();
a.next();
console.log(JSON.stringify(a.throw("err")));
console.log(JSON.stringify(a.next()));
const b = g();
b.next();
console.log(JSON.stringify(b.return("early")));
