class Point {
  x = 1;
  y = this.x + 1;
  static origin = new Point();
  static count = 0;
  constructor() { Point.count++; }
  toString() { return `(${this.x}, ${this.y})`; }
}
const p = new Point();
console.log(String(p), String(Point.origin), Point.count);
console.log(Object.keys(p).join());
