// Never idle: an interval that is never cleared.
let n = 0;
setInterval(() => { n += 1; }, 50);
