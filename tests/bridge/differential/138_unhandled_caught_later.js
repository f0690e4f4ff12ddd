const p = Promise.reject(new Error("later"));
p.catch((e) => console.log("handled in same tick", e.message));
