#pragma once
// After a bad script or a storm of reloads: a new Python app still loads
// and its async button callback still runs to the end.

#include "common/eventloop.h"
#include "hardening/scriptsteps.h"
#include "pysession.h"
#include "widgets/button.h"

namespace qpanel::test {

inline bool aNewPythonAppStillWorks() {
    PySession app;
    const bool loaded = app.run(
        "import asyncio\n"
        "import panel as pn\n"
        "ping = pn.widgets.Button(name='Ping')\n"
        "reply = pn.widgets.StaticText(name='Reply', value='idle')\n"
        "async def pong(event):\n"
        "    await asyncio.sleep(0.001)\n"
        "    reply.value = 'pong %d' % event.new\n"
        "ping.on_click(pong)\n"
        "pn.Row(ping, reply).servable()\n",
        "/pycorpus/good_app.py");
    auto* ping = qobject_cast<Button*>(findComponent(app.session.document(), "Ping"));
    Component* reply = findComponent(app.session.document(), "Reply");
    if (!loaded || !ping || !reply) return false;
    ping->click();
    return waitUntil([&] { return reply->get("value").toString() == QLatin1String("pong 1"); }) &&
           app.errors.isEmpty();
}

}  // namespace qpanel::test
