let ticks = 0;
const iv = setInterval(async () => {
  ticks++;
  const t = ticks;
  await null;
  console.log("tick", t);
  if (t >= 3) clearInterval(iv);
}, 2);
