class Rect {
  constructor(w, h) { this._w = w; this._h = h; }
  get area() { return this._w * this._h; }
  set width(v) { if (v < 0) throw new RangeError("negative"); this._w = v; }
  static get unit() { return new Rect(1, 1); }
}
const r = new Rect(2, 3);
console.log(r.area);
r.width = 10;
console.log(r.area, Rect.unit.area);
try { r.width = -1; } catch (e) { console.log(e.name, e.message); }
