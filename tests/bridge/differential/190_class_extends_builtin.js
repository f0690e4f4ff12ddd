class Stack extends Array {
  peek() { return this[this.length - 1]; }
}
const s = new Stack();
s.push(1, 2, 3);
console.log(s.peek(), s.length, s instanceof Stack, Array.isArray(s));
class HttpError extends Error {
  constructor(status) { super("HTTP " + status); this.status = status; }
  get name() { return "HttpError"; }
}
const e = new HttpError(404);
console.log(e.message, e.status, e.name, e instanceof Error, String(e));
