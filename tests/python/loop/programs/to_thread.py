"""asyncio.to_thread: arguments, contextvars carried over, exceptions."""
import asyncio
import contextvars
import threading

request = contextvars.ContextVar("request", default="none")


def work(a, b=0):
    return a + b, request.get(), threading.current_thread() is threading.main_thread()


def boom():
    raise RuntimeError("to_thread failed")


async def main():
    request.set("req-42")
    print(await asyncio.to_thread(work, 1, b=2))
    try:
        await asyncio.to_thread(boom)
    except RuntimeError as e:
        print("raised", e)
    print(await asyncio.gather(*(asyncio.to_thread(work, i) for i in range(4))))


if __name__ == "__main__":
    asyncio.run(main())
