const data = { n: 1, s: "two", arr: [1, { x: null }], nested: { deep: { deeper: true } }, u: undefined, f() {} };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(JSON.parse('{"a":[1,2,{"b":"c"}]}', (k, v) => (typeof v === "number" ? v * 10 : v))));
console.log(JSON.stringify({ d: new Date(0) }), JSON.stringify("he said \"hi\"\n"));
