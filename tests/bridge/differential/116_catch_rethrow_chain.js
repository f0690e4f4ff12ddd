Promise.reject(new Error("first"))
  .catch((e) => { console.log("catch 1", e.message); throw new Error("second"); })
  .catch((e) => { console.log("catch 2", e.message); return "recovered"; })
  .then((v) => console.log("then", v));
