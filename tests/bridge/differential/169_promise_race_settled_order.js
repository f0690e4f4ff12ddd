const rejectFast = new Promise((_, rej) => setTimeout(() => rej(new Error("fast fail")), 1));
const resolveSlow = new Promise((res) => setTimeout(() => res("slow ok"), 20));
Promise.race([rejectFast, resolveSlow]).then(console.log, (e) => console.log("race rejected", e.message));
Promise.any([rejectFast, resolveSlow]).then((v) => console.log("any", v));
Promise.allSettled([rejectFast, resolveSlow]).then((r) => console.log(r.map((x) => x.status).join()));
