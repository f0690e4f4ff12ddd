class Button {
  label = "OK";
  clicks = 0;
  onClick = () => { this.clicks++; return `${this.label} clicked ${this.clicks}`; };
}
const b = new Button();
const handler = b.onClick;
handler();
console.log(handler(), Object.keys(b).join());
