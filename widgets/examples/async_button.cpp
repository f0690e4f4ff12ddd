// Panel's async guide, example 1, in C++: an async click handler. Each click starts a task
// that updates the text at once and again when its (simulated) long I/O
// ends; several clicks run concurrently and the window never freezes.
#include <QApplication>

#include "core/scheduler.h"
#include "widgets/button.h"
#include "widgets/layouts/row.h"
#include "widgets/servable.h"
#include "widgets/statictext.h"

using namespace std::chrono_literals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    auto* button = new qpanel::Button({{"name", "Click me!"}});
    auto* text = new qpanel::StaticText();

    button->onClick([text = QPointer(text)](const qpanel::Event& event) -> QCoro::Task<> {
        const int n = event.newValue.toInt();
        text->set("value", QString("Running %1").arg(n));
        co_await qpanel::sleep(2s);
        if (text) text->set("value", QString("Finished %1").arg(n));
    });

    (new qpanel::Row({button, text}))->servable("Async button");

    qpanel::ServableArea window(qpanel::Document::current());
    window.setWindowTitle("Async button");
    window.resize(400, 120);
    window.show();
    return app.exec();
}
