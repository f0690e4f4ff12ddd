setTimeout(() => console.log("30ms"), 30);
setTimeout(() => console.log("1ms"), 1);
setTimeout(() => console.log("15ms"), 15);
