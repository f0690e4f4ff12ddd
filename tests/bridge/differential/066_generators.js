function* range(start, end, step = 1) {
  for (let i = start; i < end; i += step) yield i;
  return "done";
}
console.log([...range(0, 5)].join(), [...range(0, 10, 3)].join());
const it = range(0, 2);
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
