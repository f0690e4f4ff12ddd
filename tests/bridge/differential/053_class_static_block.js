class Config {
  static values = [];
  static {
    for (let i = 0; i < 3; i++) this.values.push(i * i);
    Config.ready = true;
  }
}
console.log(Config.values.join(), Config.ready);
