const o = {};
o.z = 1; o[10] = 1; o.a = 1; o[2] = 1; o[Symbol.iterator] = 1; o["-1"] = 1; o["01"] = 1;
console.log(Object.keys(o).join(","));
console.log(JSON.stringify(o));
for (const k in o) console.log("in", k);
