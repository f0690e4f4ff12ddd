// Panel's async guide, example 2, in C++: bind an async function to a slider. The image pane
// shows the awaited result each time the slider moves (latest wins), and
// the event loop stays free while the HTTP request is in flight.
// QPANEL_IMAGE_URL overrides the URL; `{index}` becomes the slider value.
#include <QApplication>

#include "core/fetch.h"
#include "core/reactive.h"
#include "widgets/intslider.h"
#include "widgets/layouts/column.h"
#include "widgets/panes/image.h"
#include "widgets/servable.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString imageUrl = qEnvironmentVariable(
        "QPANEL_IMAGE_URL", QStringLiteral("https://picsum.photos/800/300?image={index}"));
    auto* widget = new qpanel::IntSlider({{"start", 0}, {"end", 10}});

    auto getImage = [imageUrl](int index) -> QCoro::Task<QVariant> {
        const QUrl url(QString(imageUrl).replace("{index}", QString::number(index)));
        const qpanel::Response response = co_await qpanel::fetch(url);
        co_return QVariant::fromValue(new qpanel::JPG(response.body));
    };

    (new qpanel::Column({widget, qpanel::bind(getImage, widget)}))->servable("Async bind");

    qpanel::ServableArea window(qpanel::Document::current());
    window.setWindowTitle("Async bind image");
    window.resize(840, 420);
    window.show();
    return app.exec();
}
