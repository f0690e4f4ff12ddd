const slow = new Promise((res) => setTimeout(() => res("slow"), 5));
Promise.all([Promise.resolve(1), Promise.reject(new Error("boom")), slow])
  .then((v) => console.log("never", v))
  .catch((e) => console.log("caught", e.message));
slow.then((v) => console.log("slow finished", v));
