#include "hardening/appsession.h"

#include "common/eventloop.h"

namespace qpanel::test {

bool aNewAppStillWorks() {
    AppSession app;
    const bool loaded = app.session->run(
        QStringLiteral(
            "const ping = pn.widgets.Button({name: 'Ping'});\n"
            "const reply = pn.widgets.StaticText({name: 'Reply', value: 'idle'});\n"
            "ping.on_click(async (e) => { await pn.sleep(1); reply.value = 'pong ' + e.new; });\n"
            "pn.Row(ping, reply).servable();\n"),
        QStringLiteral("/hardening/good_app.js"));
    auto* ping = qobject_cast<Button*>(app.find(QStringLiteral("Ping")));
    Component* reply = app.find(QStringLiteral("Reply"));
    if (!loaded || !ping || !reply) return false;
    ping->click();
    return waitUntil([&] { return reply->get("value").toString() == QLatin1String("pong 1"); }) &&
           app.errors.isEmpty();
}

}  // namespace qpanel::test
