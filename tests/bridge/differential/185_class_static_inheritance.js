class Animal {
  static registry = [];
  static register(name) { this.registry.push(name); return this; }
  static describe() { return `${this.name} with ${this.registry.length}`; }
}
class Dog extends Animal {
  static sound = "woof";
  static describe() { return super.describe() + " says " + this.sound; }
}
Dog.register("rex");
console.log(Dog.describe(), Animal.registry.length, Dog.registry === Animal.registry);
