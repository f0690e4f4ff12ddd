// The Python acceptance examples (resources/examples/*.py, copies of
// shared/examples/python) run unmodified, with the JS twins' behaviour.
#include <QFile>

#include "common/eventloop.h"
#include "plots/chartpane.h"
#include "pysession.h"
#include "widgets/button.h"

using namespace std::chrono_literals;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

namespace {

QString exampleFile(const char* name) {
    return QStringLiteral(QPANEL_EXAMPLES_DIR "/") + QLatin1String(name);
}

qpanel::ColumnDataSource* sourceOf(qpanel::Component* pane) {
    auto* chart = qobject_cast<qpanel::ChartPane*>(pane);
    if (!chart || !chart->figure() || chart->figure()->lines().isEmpty()) return nullptr;
    return chart->figure()->lines().front().source.data();
}

}  // namespace

TEST(PythonExamples, AsyncButtonShowsRunningThenFinishedForThreeClicks) {
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("async_button.py"))) << s.firstError();
    ASSERT_EQ(s.roots().size(), 1) << "the last expression is shown (notebook style)";
    auto* button = s.child<qpanel::Button>(0);
    qpanel::Component* text = s.child(1);
    ASSERT_NE(button, nullptr);
    ASSERT_NE(text, nullptr);
    QStringList shown;
    QObject::connect(text, &qpanel::Parameterized::paramChanged, text,
                     [&](const QString& name, const QVariant& v) {
                         if (name == QLatin1String("value")) shown << v.toString();
                     });
    button->click();
    button->click();
    button->click();
    EXPECT_EQ(text->get("value").toString(), QStringLiteral("Running 3")) << "at once";
    EXPECT_EQ(qpanel::Runtime::instance().tasks().countOwnedBy(s.session.document()), 3);
    ASSERT_TRUE(waitUntil([&] { return shown.size() == 6; }, 10s)) << s.firstError();
    EXPECT_EQ(shown, (QStringList{"Running 1", "Running 2", "Running 3", "Finished 1", "Finished 2",
                                  "Finished 3"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonExamples, StreamingChartGainsFivePointsPerClickUnderTheLock) {
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("streaming_chart.py"))) << s.firstError();
    auto* button = s.child<qpanel::Button>(0);
    ASSERT_NE(button, nullptr);
    qpanel::ColumnDataSource* cds = sourceOf(s.child(1));
    ASSERT_NE(cds, nullptr);
    EXPECT_EQ(cds->rowCount(), 1);
    button->click();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() == 6; }, 5s)) << s.firstError();
    button->click();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() == 11; }, 5s)) << s.firstError();
    EXPECT_EQ(cds->column("x"), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonExamples, StreamingWithoutWithLockIsRefusedNamingItAndChangesNothing) {
    QFile file(exampleFile("streaming_chart.py"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QString source = QString::fromUtf8(file.readAll());
    ASSERT_TRUE(source.contains("@pn.io.with_lock\n"));
    source.replace("@pn.io.with_lock\n", "\n");  // same line numbers
    PySession s;
    ASSERT_TRUE(s.session.run(source, QStringLiteral("/app/unlocked.py"))) << s.firstError();
    auto* button = s.child<qpanel::Button>(0);
    qpanel::ColumnDataSource* cds = sourceOf(s.child(1));
    ASSERT_NE(cds, nullptr);
    button->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 5s));
    EXPECT_TRUE(s.errors[0].message.contains("pn.io.with_lock")) << s.firstError();
    EXPECT_EQ(s.errors[0].line, 22) << s.firstError();  // cds.stream(...)
    EXPECT_EQ(cds->rowCount(), 1);
}

TEST(PythonExamples, PeriodicAppStreamsStopsOnTheToggleAndResumes) {
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("periodic_and_execute.py"))) << s.firstError();
    ASSERT_EQ(s.roots().size(), 1);
    auto* column = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    ASSERT_NE(column, nullptr);
    auto* row = qobject_cast<qpanel::ListLayout*>(column->objects().at(0));
    ASSERT_NE(row, nullptr);
    qpanel::Component* toggle = row->objects().at(0);
    qpanel::Component* status = row->objects().at(1);
    qpanel::ColumnDataSource* cds = sourceOf(column->objects().at(1));
    ASSERT_NE(cds, nullptr);
    ASSERT_TRUE(
        waitUntil([&] { return status->get("value").toString() == "streaming every 250 ms"; }, 5s))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() >= 2; }, 5s)) << s.firstError();
    toggle->set("value", false);
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s));
    const auto stopped = cds->rowCount();
    QTest::qWait(600);  // a stopped callback would have ticked twice
    EXPECT_EQ(cds->rowCount(), stopped);
    toggle->set("value", true);
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() >= stopped + 2; }, 5s));
    EXPECT_EQ(cds->column("t").front(), 0);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}
