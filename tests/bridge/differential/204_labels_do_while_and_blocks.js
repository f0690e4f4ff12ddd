let i = 0;
loop: do {
  i++;
  switch (i) {
    case 2: continue loop;
    case 4: break loop;
  }
  console.log("i", i);
} while (i < 10);
console.log("ended at", i);
