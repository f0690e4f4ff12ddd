// A TypeScript app script: the types are stripped before it runs.
interface Point { x: number; y: number }

async function norm(p: Point): Promise<number> {
  await pn.sleep(5);
  return Math.hypot(p.x, p.y);
}

norm({x: 3, y: 4}).then((n: number) => console.log(`norm ${n}`));
