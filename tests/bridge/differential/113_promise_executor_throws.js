new Promise(() => { throw new Error("in executor"); }).catch((e) => console.log("caught", e.message));
new Promise((res) => { res(1); throw new Error("ignored after resolve"); }).then((v) => console.log("value", v));
