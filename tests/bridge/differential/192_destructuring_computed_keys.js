const key = "dyn";
const { [key]: value, [`${key}2`]: second = "default" } = { dyn: 1 };
console.log(value, second);
const { length } = "hello";
const { 0: first, [1 + 1]: third } = ["a", "b", "c"];
console.log(length, first, third);
