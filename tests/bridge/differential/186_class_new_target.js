class Shape {
  constructor() {
    this.kind = new.target.name;
    if (new.target === Shape) this.abstract = true;
  }
}
class Circle extends Shape {}
console.log(new Shape().kind, new Shape().abstract, new Circle().kind, new Circle().abstract);
function F() { return new.target === undefined ? "called" : "constructed"; }
console.log(F(), new F() instanceof F);
