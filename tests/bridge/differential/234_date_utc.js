const d = new Date(Date.UTC(2021, 11, 31, 23, 59, 59));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.toISOString());
const next = new Date(d.getTime() + 1000);
console.log(next.toISOString(), next - d, Date.UTC(1970, 0, 1), new Date(0).toISOString());
console.log(new Date("2024-03-10T10:00:00.000Z").toJSON(), typeof Date.now(), Date.parse("2000-01-01T00:00:00Z"));
