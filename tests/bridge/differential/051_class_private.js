class Account {
  #balance = 0;
  static #instances = 0;
  constructor(initial) {
    this.#balance = initial;
    Account.#instances++;
  }
  #log(msg) { return `[${msg}] ${this.#balance}`; }
  deposit(n) { this.#balance += n; return this.#log("deposit"); }
  get balance() { return this.#balance; }
  static get instances() { return Account.#instances; }
  static isAccount(o) { return #balance in o; }
}
const acc = new Account(10);
console.log(acc.deposit(5), acc.balance, Account.instances);
console.log(Account.isAccount(acc), Account.isAccount({}));
console.log(Object.keys(acc).length, JSON.stringify(acc));
