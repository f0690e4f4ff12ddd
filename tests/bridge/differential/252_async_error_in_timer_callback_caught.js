setTimeout(async () => {
  try {
    await Promise.reject(new Error("inside timer"));
  } catch (e) {
    console.log("caught", e.message);
  }
}, 0);
