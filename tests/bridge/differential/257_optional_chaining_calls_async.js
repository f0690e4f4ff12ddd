const api = { client: { async get(id) { await null; return { id, tags: ["a"] }; } } };
(async () => {
  const r = await api.client?.get?.(7);
  console.log(r?.id, r?.tags?.[0], r?.missing?.deep, await api.nope?.get(1));
})();
