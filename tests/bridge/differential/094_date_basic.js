const d = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250));
console.log(d.toISOString(), d.getUTCDay(), d.getTime(), JSON.stringify(d));
console.log(new Date("2020-01-01T00:00:00Z").getTime(), isNaN(new Date("nope")));
