// SPDX-License-Identifier: Apache-2.0
// The `kubecanvas.io/behavior` annotation (docs/formats.md): parsing, defaults, diagnostics,
// the manifest validator's hook, and the helpers the kubelet uses.
#include "emulator/kubelet/pod_behavior.h"

#include "emulator/api/yaml_reader.h"

#include <QtTest>

using emu::SimDuration;
using emu::SimTime;
using emu::api::Quantity;
using emu::api::Severity;
using emu::kubelet::ContainerBehavior;
using emu::kubelet::PodBehavior;

namespace {

const std::vector<std::string> podContainers{"init", "web", "sidecar"};
const QString annotationPath = QStringLiteral("metadata.annotations[kubecanvas.io/behavior]");

QString formatAll(const emu::api::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(d.format());
    return lines.join('\n');
}

SimTime at(double seconds)
{
    return SimTime::fromDuration(SimDuration::fromSeconds(seconds));
}

} // namespace

class TestContainerBehavior : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void parseYaml();
    void parseJson();
    void emptyAnnotation();
    void problems_data();
    void problems();
    void badFieldKeepsDefault();
    void validatorHook();
    void validatorHookJsonInline();
    void fromPod();
    void helpers();
};

void TestContainerBehavior::defaults()
{
    const ContainerBehavior b;
    QCOMPARE(b.pullSeconds, 2.0);
    QCOMPARE(b.startSeconds, 1.0);
    QCOMPARE(b.readySeconds, 0.0);
    QVERIFY(!b.exitAfterSeconds);
    QCOMPARE(b.exitCode, 0);
    QVERIFY(!b.livenessFailAfterSeconds && !b.readinessFailAfterSeconds);
    QVERIFY(!b.cpu && !b.memory);
    QCOMPARE(b.memoryGrowthPerSecond, 0.0);
    const PodBehavior none;
    QVERIFY(none.behaviorFor("web") == ContainerBehavior{});
    QVERIFY(!none.contains("web"));
}

void TestContainerBehavior::parseYaml()
{
    const auto result = PodBehavior::parse("web:\n"
                                           "  pullSeconds: 5\n"
                                           "  startSeconds: '1.5'\n"
                                           "  readySeconds: 10\n"
                                           "  exitAfterSeconds: 30\n"
                                           "  exitCode: 137\n"
                                           "  livenessFailAfterSeconds: 120\n"
                                           "  readinessFailAfterSeconds: \"90\"\n"
                                           "  cpu: 250m\n"
                                           "  memory: 128Mi\n"
                                           "  memoryGrowthPerSecond: 1Mi\n"
                                           "sidecar:\n",
                                           podContainers);
    QVERIFY2(result.diagnostics.empty(), qPrintable(formatAll(result.diagnostics)));
    QVERIFY(result.ok());
    const ContainerBehavior &web = result.behavior.behaviorFor("web");
    QCOMPARE(web.pullSeconds, 5.0);
    QCOMPARE(web.startSeconds, 1.5);
    QCOMPARE(web.readySeconds, 10.0);
    QCOMPARE(web.exitAfterSeconds, std::optional(30.0));
    QCOMPARE(web.exitCode, 137);
    QCOMPARE(web.livenessFailAfterSeconds, std::optional(120.0));
    QCOMPARE(web.readinessFailAfterSeconds, std::optional(90.0));
    QVERIFY(web.cpu && *web.cpu == *Quantity::parse("250m"));
    QVERIFY(web.memory && *web.memory == *Quantity::parse("128Mi"));
    QCOMPARE(web.memoryGrowthPerSecond, 1048576.0);
    QVERIFY(result.behavior.contains("sidecar")); // named with no fields: the defaults
    QVERIFY(result.behavior.behaviorFor("sidecar") == ContainerBehavior{});
    QVERIFY(result.behavior.behaviorFor("init") == ContainerBehavior{});
    QCOMPARE(result.behavior.containers().size(), std::size_t(2));
}

void TestContainerBehavior::parseJson()
{
    const auto result = PodBehavior::parse(
        R"({"web": {"readySeconds": 3, "livenessFailAfterSeconds": 60.5, "memory": "1Gi"}})",
        podContainers);
    QVERIFY2(result.ok() && result.diagnostics.empty(), qPrintable(formatAll(result.diagnostics)));
    const ContainerBehavior &web = result.behavior.behaviorFor("web");
    QCOMPARE(web.readySeconds, 3.0);
    QCOMPARE(web.livenessFailAfterSeconds, std::optional(60.5));
    QCOMPARE(web.memory->value(), std::int64_t(1) << 30);
    QCOMPARE(web.pullSeconds, 2.0);
}

void TestContainerBehavior::emptyAnnotation()
{
    for (const char *text : {"", "  \n", "# nothing\n", "{}", "~"}) {
        const auto result = PodBehavior::parse(text, podContainers);
        QVERIFY2(result.diagnostics.empty(), text);
        QVERIFY(result.behavior.containers().empty());
    }
}

void TestContainerBehavior::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("error");
    QTest::addColumn<QString>("path"); // after the annotation's own path
    QTest::addColumn<QString>("message");

    QTest::newRow("negative time") << "web: {pullSeconds: -1}" << true << ".web.pullSeconds" << "must not be negative";
    QTest::newRow("word for a time") << "web: {startSeconds: abc}" << true << ".web.startSeconds"
                                     << "must be a number of seconds, not \"abc\"";
    QTest::newRow("Go duration for a time") << "web: {readySeconds: 2s}" << true << ".web.readySeconds"
                                            << "must be a number of seconds";
    QTest::newRow("boolean for a time") << "web: {exitAfterSeconds: true}" << true << ".web.exitAfterSeconds"
                                        << "must be a number of seconds, not a boolean";
    QTest::newRow("infinite time") << "web: {livenessFailAfterSeconds: .inf}" << true
                                   << ".web.livenessFailAfterSeconds" << "finite";
    QTest::newRow("absurd time") << "web: {readinessFailAfterSeconds: 1e12}" << true
                                 << ".web.readinessFailAfterSeconds" << "at most 1e9";
    QTest::newRow("fractional exit code") << "web: {exitCode: 1.5}" << true << ".web.exitCode" << "whole number";
    QTest::newRow("exit code beyond 255") << "web: {exitCode: 300}" << true << ".web.exitCode" << "between 0 and 255";
    QTest::newRow("invalid quantity") << "web: {cpu: abc}" << true << ".web.cpu" << "invalid quantity \"abc\"";
    QTest::newRow("negative quantity") << "web: {memory: -1Gi}" << true << ".web.memory" << "must not be negative";
    QTest::newRow("mapping for a quantity") << "web: {memory: {a: 1}}" << true << ".web.memory"
                                            << "must be a quantity, not a mapping";
    QTest::newRow("negative growth") << "web: {memoryGrowthPerSecond: -5}" << true << ".web.memoryGrowthPerSecond"
                                     << "not negative";
    QTest::newRow("word for growth") << "web: {memoryGrowthPerSecond: fast}" << true
                                     << ".web.memoryGrowthPerSecond" << "bytes per second";
    QTest::newRow("container entry not a mapping") << "web: 5" << true << ".web" << "must be a mapping of behaviour fields";
    QTest::newRow("annotation not a mapping") << "[web, sidecar]" << true << ""
                                              << "must be a mapping from container name to behaviour, not a list";
    QTest::newRow("annotation a plain word") << "fast" << true << "" << "must be a mapping from container name";
    QTest::newRow("does not parse") << "{\"web\": {" << true << "" << "yaml:";
    QTest::newRow("unknown field") << "web: {pullSecs: 3}" << false << ".web.pullSecs" << "unknown field \"pullSecs\"";
    QTest::newRow("unknown container") << "db: {pullSeconds: 3}" << false << ".db"
                                       << "no container named \"db\" in this pod (containers: init, web, sidecar)";
}

void TestContainerBehavior::problems()
{
    QFETCH(QString, text);
    QFETCH(bool, error);
    QFETCH(QString, path);
    QFETCH(QString, message);
    emu::kubelet::BehaviorSource source;
    source.file = "pod.yaml";
    const auto result = PodBehavior::parse(text.toStdString(), podContainers, source);
    QVERIFY2(result.diagnostics.size() == 1, qPrintable(formatAll(result.diagnostics)));
    const auto &d = result.diagnostics.front();
    QCOMPARE(d.severity, error ? Severity::Error : Severity::Warning);
    QCOMPARE(result.ok(), !error);
    QCOMPARE(QString::fromStdString(d.path), annotationPath + path);
    QVERIFY2(QString::fromStdString(d.message).contains(message), d.message.c_str());
    QCOMPARE(QString::fromStdString(d.file), QStringLiteral("pod.yaml"));
    QVERIFY(!d.pos.isKnown()); // no position given for the annotation: none invented
}

void TestContainerBehavior::badFieldKeepsDefault()
{
    const auto result = PodBehavior::parse("web: {pullSeconds: -1, startSeconds: 4}\n"
                                           "sidecar: {exitCode: 2}\n",
                                           podContainers);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QCOMPARE(result.behavior.behaviorFor("web").pullSeconds, 2.0);
    QCOMPARE(result.behavior.behaviorFor("web").startSeconds, 4.0);
    QCOMPARE(result.behavior.behaviorFor("sidecar").exitCode, 2);
}

void TestContainerBehavior::validatorHook()
{
    const char *manifest = "apiVersion: apps/v1\n"                       // 1
                           "kind: Deployment\n"                          // 2
                           "metadata: {name: web}\n"                     // 3
                           "spec:\n"                                     // 4
                           "  template:\n"                               // 5
                           "    metadata:\n"                             // 6
                           "      annotations:\n"                        // 7
                           "        kubecanvas.io/behavior: |\n"         // 8
                           "          web:\n"                            // 9
                           "            readySeconds: 5\n"               // 10
                           "            exitCode: -3\n"                  // 11
                           "          db: {}\n"                          // 12
                           "    spec:\n"                                 // 13
                           "      containers: [{name: web, image: nginx}]\n";
    const auto parsed = emu::api::YamlReader::parse(manifest, "deploy.yaml");
    QVERIFY(parsed.diagnostics.empty() && parsed.documents.size() == 1);
    const emu::api::Value &metadata = *parsed.documents[0].root.find("spec")->find("template")->find("metadata");
    emu::api::Diagnostics out;
    emu::kubelet::validateBehaviorAnnotation(metadata, {"web"}, "deploy.yaml", out, "spec.template.metadata");
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(out[0].format()),
             QStringLiteral("deploy.yaml:11:23: error: spec.template.metadata.annotations[kubecanvas.io/behavior]"
                            ".web.exitCode: must be between 0 and 255 (a process exit status), not -3"));
    QCOMPARE(QString::fromStdString(out[1].format()),
             QStringLiteral("deploy.yaml:12:11: warning: spec.template.metadata.annotations[kubecanvas.io/behavior]"
                            ".db: no container named \"db\" in this pod (containers: web)"));

    // No annotation, or a pod without metadata: nothing to say.
    emu::api::Diagnostics none;
    emu::kubelet::validateBehaviorAnnotation(emu::api::Value::mapping(), {"web"}, "x.yaml", none);
    emu::kubelet::validateBehaviorAnnotation(emu::api::Value(), {"web"}, "x.yaml", none);
    QVERIFY(none.empty());
}

void TestContainerBehavior::validatorHookJsonInline()
{
    const char *manifest = "apiVersion: v1\n"
                           "kind: Pod\n"
                           "metadata:\n"
                           "  name: p\n"
                           "  annotations:\n"
                           "    kubecanvas.io/behavior: '{\"web\": {\"pullSeconds\": \"x\"}}'\n"
                           "spec: {containers: [{name: web, image: nginx}]}\n";
    const auto parsed = emu::api::YamlReader::parse(manifest, "pod.yaml");
    QVERIFY(parsed.diagnostics.empty());
    emu::api::Diagnostics out;
    emu::kubelet::validateBehaviorAnnotation(*parsed.documents[0].root.find("metadata"), {"web"},
                                             "pod.yaml", out);
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0].severity, Severity::Error);
    QCOMPARE(QString::fromStdString(out[0].path),
             QStringLiteral("metadata.annotations[kubecanvas.io/behavior].web.pullSeconds"));
    QCOMPARE(out[0].pos.line, 6u);
    QVERIFY(out[0].pos.column > 29); // inside the quoted JSON, not at the key
}

void TestContainerBehavior::fromPod()
{
    emu::store::Pod pod;
    pod.spec.containers.push_back({});
    pod.spec.containers.back().name = "web";
    QVERIFY(PodBehavior::fromPod(pod).containers().empty());
    pod.meta.annotations["kubecanvas.io/behavior"] = "web: {exitAfterSeconds: 10, exitCode: 1, pullSeconds: -1}";
    const PodBehavior behavior = PodBehavior::fromPod(pod);
    QCOMPARE(behavior.behaviorFor("web").exitAfterSeconds, std::optional(10.0));
    QCOMPARE(behavior.behaviorFor("web").exitCode, 1);
    QCOMPARE(behavior.behaviorFor("web").pullSeconds, 2.0); // the bad value keeps the default
}

void TestContainerBehavior::helpers()
{
    ContainerBehavior b;
    b.readySeconds = 5;
    b.readinessFailAfterSeconds = 60;
    b.livenessFailAfterSeconds = 90;
    b.exitAfterSeconds = 0.5;
    QCOMPARE(b.pullDuration(), SimDuration::seconds(2));
    QCOMPARE(b.startDuration(), SimDuration::seconds(1));
    QCOMPARE(b.exitAfter(), std::optional(SimDuration::milliseconds(500)));
    QCOMPARE(b.livenessFailAfter(), std::optional(SimDuration::seconds(90)));

    const SimTime running = at(100);
    const auto readiness = b.readinessHealth(running);
    QVERIFY(!readiness.passesAt(at(104.9)) && readiness.passesAt(at(105)) && readiness.passesAt(at(159.9)));
    QVERIFY(!readiness.passesAt(at(160)));
    const auto liveness = b.livenessHealth(running);
    QVERIFY(liveness.passesAt(at(100)) && liveness.passesAt(at(189.9)) && !liveness.passesAt(at(190)));
    const auto startup = b.startupHealth(running);
    QVERIFY(!startup.passesAt(at(104)) && startup.passesAt(at(105)) && !startup.passesAt(at(190)));
    QVERIFY(ContainerBehavior{}.livenessHealth(running).passesAt(at(1e6))); // healthy for ever

    emu::store::Container c;
    c.requests["cpu"] = *Quantity::parse("500m");
    c.requests["memory"] = *Quantity::parse("100Mi");
    QCOMPARE(b.cpuUsage(c), *Quantity::parse("500m"));
    QCOMPARE(b.memoryBytesAfter(c, SimDuration::seconds(10)), std::int64_t(100) << 20);
    b.cpu = *Quantity::parse("2");
    b.memory = *Quantity::parse("1Mi");
    b.memoryGrowthPerSecond = 1024;
    QCOMPARE(b.cpuUsage(c), *Quantity::parse("2"));
    QCOMPARE(b.memoryBytesAfter(c, SimDuration::seconds(10)), std::int64_t(1048576 + 10240));
    b.memoryGrowthPerSecond = 1e18;
    QCOMPARE(b.memoryBytesAfter(c, SimDuration::hours(1)), std::numeric_limits<std::int64_t>::max());
    QCOMPARE(ContainerBehavior{}.cpuUsage(emu::store::Container{}), Quantity());
}

QTEST_APPLESS_MAIN(TestContainerBehavior)
#include "tst_container_behavior.moc"
