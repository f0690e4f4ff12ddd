function debounce(fn, ms) {
  let id;
  return (...args) => {
    clearTimeout(id);
    id = setTimeout(() => fn(...args), ms);
  };
}
const log = debounce((v) => console.log("debounced", v), 5);
log(1);
log(2);
log(3);
setTimeout(() => log(4), 40);
