// Panel's async guide, example 3, in C++: the same app with an async watcher that sets the
// image pane's object when the request completes.
#include <QApplication>

#include "core/fetch.h"
#include "widgets/intslider.h"
#include "widgets/layouts/column.h"
#include "widgets/panes/image.h"
#include "widgets/servable.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString imageUrl = qEnvironmentVariable(
        "QPANEL_IMAGE_URL", QStringLiteral("https://picsum.photos/800/300?image={index}"));
    auto* widget = new qpanel::IntSlider({{"start", 0}, {"end", 10}});
    auto* image = new qpanel::JPG();

    widget->watch(
        {"value"},
        [imageUrl, image = QPointer(image)](const qpanel::Event& event) -> QCoro::Task<> {
            const QUrl url(QString(imageUrl).replace("{index}", event.newValue.toString()));
            const qpanel::Response response = co_await qpanel::fetch(url);
            if (image) image->set("object", response.body);
        });

    (new qpanel::Column({widget, image}))->servable("Async watch");

    qpanel::ServableArea window(qpanel::Document::current());
    window.setWindowTitle("Async watch image");
    window.resize(840, 420);
    window.show();
    return app.exec();
}
