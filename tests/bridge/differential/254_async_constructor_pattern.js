class Db {
  static async open(name) {
    const db = new Db(name);
    await db.#connect();
    return db;
  }
  #connected = false;
  constructor(name) { this.name = name; }
  async #connect() { await null; this.#connected = true; }
  get ready() { return this.#connected; }
}
Db.open("main").then((db) => console.log(db.name, db.ready));
