Promise.resolve(7).then(null).then(undefined, null).then((v) => console.log("passed through", v));
Promise.reject(new Error("r")).then((v) => console.log("no")).catch((e) => console.log("skipped to catch", e.message));
