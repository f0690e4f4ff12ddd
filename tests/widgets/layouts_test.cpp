// Layouts hold components' views; servable roots stack in a ServableArea.
#include <gtest/gtest.h>

#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include "common/eventloop.h"
#include "core/document.h"
#include "widgets/button.h"
#include "widgets/layouts/card.h"
#include "widgets/layouts/column.h"
#include "widgets/layouts/row.h"
#include "widgets/layouts/spacer.h"
#include "widgets/layouts/tabs.h"
#include "widgets/panes/markdown.h"
#include "widgets/servable.h"
#include "widgets/statictext.h"

TEST(Layouts, RowPlacesChildrenSideBySideAndAdoptsParentlessOnes) {
    QPointer<qpanel::Button> a = new qpanel::Button({{"name", "A"}});
    QPointer<qpanel::Button> b = new qpanel::Button({{"name", "B"}});
    {
        qpanel::Row row({a.data(), b.data(), "**text**"});
        EXPECT_EQ(row.count(), 3);
        row.view()->resize(400, 60);
        row.view()->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(row.view()));
        EXPECT_LT(a->view()->geometry().right(), b->view()->geometry().left());
        EXPECT_EQ(a->view()->geometry().top(), b->view()->geometry().top());
        EXPECT_TRUE(qobject_cast<qpanel::Markdown*>(row.objects().at(2)));
    }
    EXPECT_TRUE(a.isNull()) << "adopted components die with their layout";
}

TEST(Layouts, ColumnStacksAndFollowsAppendRemoveAndDeletion) {
    qpanel::Column column;
    column.view()->resize(300, 300);
    column.view()->show();
    auto* first = new qpanel::StaticText({{"value", "one"}});
    auto* second = new qpanel::StaticText({{"value", "two"}});
    column.append(first);
    column.insert(0, second);
    EXPECT_EQ(column.objects(), (QList<qpanel::Component*>{second, first}));
    ASSERT_TRUE(qpanel::test::waitUntil([&] { return first->view()->isVisible(); }));
    EXPECT_LT(second->view()->geometry().bottom(), first->view()->geometry().top());
    delete second;
    EXPECT_EQ(column.count(), 1);
    QPointer<qpanel::Button> kept = new qpanel::Button;
    column.append(kept.data());
    column.remove(kept);
    ASSERT_FALSE(kept.isNull()) << "removing hands it back, it does not delete it";
    EXPECT_EQ(kept->parent(), nullptr);
    EXPECT_EQ(kept->existingView()->parentWidget(), nullptr);
    delete kept;
}

TEST(Layouts, TabsSyncActiveBothWays) {
    qpanel::Tabs tabs({{"One", "first"}, {"Two", "second"}});
    auto* widget = qobject_cast<QTabWidget*>(tabs.view());
    ASSERT_NE(widget, nullptr);
    EXPECT_EQ(widget->count(), 2);
    EXPECT_EQ(widget->tabText(1), "Two");
    int fired = 0;
    tabs.watch({"active"}, [&](const qpanel::Event&) { ++fired; });
    widget->setCurrentIndex(1);
    EXPECT_EQ(tabs.get("active").toInt(), 1);
    EXPECT_EQ(fired, 1);
    tabs.set("active", 0);
    EXPECT_EQ(widget->currentIndex(), 0);
    EXPECT_EQ(fired, 2);
    EXPECT_THROW(tabs.set("active", 5), qpanel::ParamError);
}

TEST(Layouts, CardShowsTitleAndCollapses) {
    qpanel::Card card({"body text"}, {{"title", "Settings"}});
    QWidget* view = card.view();
    view->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view));
    auto* body = card.objects().at(0)->view();
    EXPECT_TRUE(body->isVisible());
    bool titled = false;
    for (auto* label : view->findChildren<QLabel*>()) titled |= label->text() == "Settings";
    EXPECT_TRUE(titled);
    QTest::mouseClick(view->findChild<QToolButton*>(), Qt::LeftButton);
    EXPECT_TRUE(card.get("collapsed").toBool());
    EXPECT_FALSE(body->isVisible());
    card.set("collapsed", false);
    EXPECT_TRUE(body->isVisible());
    card.set("collapsible", false);
    EXPECT_FALSE(view->findChild<QToolButton*>()->isVisible());
}

TEST(Layouts, SpacerTakesItsSize) {
    qpanel::Spacer spacer({{"width", 50}, {"height", 12}});
    EXPECT_EQ(spacer.view()->minimumSize(), QSize(50, 12));
    EXPECT_EQ(spacer.view()->maximumSize(), QSize(50, 12));
}

TEST(Servable, RootsStackInCallOrderInTheArea) {
    auto* document = new qpanel::Document;
    qpanel::Document::Scope scope(document);
    auto* first = (new qpanel::Markdown(QString("# First")))->servable("My app");
    qpanel::ServableArea area(document);
    auto* second = (new qpanel::Button({{"name", "Second"}}))->servable();
    EXPECT_EQ(area.rootCount(), 2);
    EXPECT_EQ(qpanel::Servables::of(document)->title(), "My app");
    EXPECT_EQ(first->parent(), document) << "a parentless root belongs to its document";
    area.resize(400, 300);
    area.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&area));
    EXPECT_LT(first->view()->geometry().bottom(), second->view()->geometry().top());
    delete document;  // takes the roots and their views with it
    EXPECT_EQ(area.rootCount(), 0);
}

TEST(Layouts, ALayoutRefusesToHoldItselfOrALayoutThatHoldsIt) {
    qpanel::Row row({"a"});
    qpanel::Column column;
    row.append(&column);
    EXPECT_THROW(row.append(&row), qpanel::ParamError);
    EXPECT_THROW(column.append(&row), qpanel::ParamError);
    EXPECT_EQ(row.count(), 2);
    EXPECT_EQ(column.count(), 0);
    row.view()->show();  // a cycle would recurse here without end
    row.remove(&column);
}
