const p = new Promise((r) => setTimeout(() => r("v"), 1));
p.then(() => console.log("h1"));
p.then(() => console.log("h2")).then(() => console.log("h2b"));
p.then(() => console.log("h3"));
p.finally(() => console.log("fin"));
