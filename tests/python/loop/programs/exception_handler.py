"""Exception handler: callback errors reach loop.set_exception_handler."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    seen = []

    def handler(loop, context):
        seen.append((context["message"].split(" at ")[0], type(context.get("exception")).__name__))

    loop.set_exception_handler(handler)
    print("handler installed:", loop.get_exception_handler() is handler)

    def bad_callback():
        raise ZeroDivisionError("in a callback")

    loop.call_soon(bad_callback)
    loop.call_later(0.001, bad_callback)
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "custom report"})
    print(seen)
    loop.set_exception_handler(None)
    print("reset:", loop.get_exception_handler())


if __name__ == "__main__":
    asyncio.run(main())
