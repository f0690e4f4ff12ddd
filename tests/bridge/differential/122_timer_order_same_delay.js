for (let i = 0; i < 5; i++) setTimeout(() => console.log("t", i), 0);
setTimeout(() => console.log("delay 1 same as 0"), 1);
