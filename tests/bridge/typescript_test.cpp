// TypeScript app scripts (*.ts): annotations, interfaces, enums, generics and
// async code load and behave; errors point at the .ts file's lines.
#include <gtest/gtest.h>

#include <QFile>

#include "common/eventloop.h"
#include "pnsession.h"
#include "widgets/button.h"
#include "widgets/layouts/listlayout.h"

using qpanel::Button;
using qpanel::ListLayout;
using qpanel::test::Session;
using qpanel::test::waitUntil;

namespace {
const char* kCounterApp = R"ts(enum Mode { Idle = 'idle', Busy = 'busy' }
interface Counter {
  count: number;
  readonly label: string;
}
type Step = 1 | 2 | 3;
function first<T>(items: T[]): T { return items[0]; }
class Clicker<T extends Counter> {
  private history: Array<number> = [];
  constructor(private readonly state: T) {}
  async bump(by: Step): Promise<string> {
    await pn.sleep(10);
    this.state.count += by;
    this.history.push(this.state.count);
    return `${this.state.label} ${this.state.count} (${this.history.length} bumps)`;
  }
}
const button = pn.widgets.Button({name: 'Add two'});
const text = pn.widgets.StaticText({value: Mode.Idle as string});
const clicker = new Clicker<Counter>({count: 0, label: 'count'});
button.on_click(async (_event: unknown): Promise<void> => {
  text.value = Mode.Busy;
  const shown: string = first<string>([await clicker.bump(2), 'unused']);
  text.value = shown;
});
const broken = pn.widgets.Button({name: 'Broken'});
broken.on_click(async (): Promise<void> => {
  await pn.sleep(1);
  const value: number | undefined = undefined;
  throw new Error(`no value: ${value as unknown as string}`);
});
pn.Row(button, text, broken).servable();
)ts";
}  // namespace

TEST(TypeScript, AnAppScriptWithTypesLoadsAndBehaves) {
    QTemporaryDir folder;
    const QString path = folder.filePath("counter.ts");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(kCounterApp);
    file.close();
    Session s;
    ASSERT_TRUE(s.session.load(path)) << s.firstError();
    auto* row = qobject_cast<ListLayout*>(s.roots().front());
    ASSERT_NE(row, nullptr);
    auto* button = qobject_cast<Button*>(row->objects().at(0));
    qpanel::Component* text = row->objects().at(1);
    EXPECT_EQ(text->get("value").toString(), QStringLiteral("idle"));
    button->click();
    EXPECT_EQ(text->get("value").toString(), QStringLiteral("busy"));
    ASSERT_TRUE(waitUntil([&] { return text->get("value").toString() == "count 2 (1 bumps)"; }))
        << s.firstError() << " shows " << text->get("value").toString().toStdString();
    button->click();
    ASSERT_TRUE(waitUntil([&] { return text->get("value").toString() == "count 4 (2 bumps)"; }));

    qobject_cast<Button*>(row->objects().at(2))->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }));
    EXPECT_EQ(s.errors[0].message, QStringLiteral("Error: no value: undefined"));
    EXPECT_EQ(s.errors[0].location.file, path);
    EXPECT_EQ(s.errors[0].location.line, 30);
}
