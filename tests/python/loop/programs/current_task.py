"""current_task, all_tasks, names, contextvars across tasks and callbacks."""
import asyncio
import contextvars

user = contextvars.ContextVar("user", default="anonymous")


async def who(tag):
    await asyncio.sleep(0)
    return tag, user.get(), asyncio.current_task().get_name()


async def main():
    print("main is current:", asyncio.current_task().get_name() != "")
    user.set("alice")
    t1 = asyncio.create_task(who("t1"), name="first")
    user.set("bob")
    t2 = asyncio.create_task(who("t2"), name="second")
    ctx = contextvars.Context()
    t3 = asyncio.get_running_loop().create_task(who("t3"), name="third", context=ctx)
    print("tasks listed:", {t1, t2, t3} <= asyncio.all_tasks())
    print(await t1, await t2, await t3)
    print("done ones not listed:", t1 not in asyncio.all_tasks())
    loop = asyncio.get_running_loop()
    seen = loop.create_future()
    loop.call_soon(lambda: seen.set_result((asyncio.current_task(), user.get())))
    print(await seen)
    t1.set_name("renamed")
    print(t1.get_name(), "coro name:", t1.get_coro().__qualname__)


if __name__ == "__main__":
    asyncio.run(main())
