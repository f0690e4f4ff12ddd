const m = /(?<year>\d{4})-(?<month>\d{2})/.exec("on 2024-05-17");
console.log(m.groups.year, m.groups.month, m.index, m[0]);
console.log("2024-05".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y>"));
const all = [..."a1 b2".matchAll(/(?<letter>[a-z])(?<digit>\d)/g)].map((x) => x.groups.letter + x.groups.digit);
console.log(all.join());
