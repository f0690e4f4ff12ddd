#!/usr/bin/env node
console.log("a hashbang line is allowed");
(async () => console.log(await Promise.resolve("and async works")))();
