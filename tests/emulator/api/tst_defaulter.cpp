// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/defaulter.h"
#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace emu::api;

namespace {

Value parse(const char *yaml)
{
    const YamlReader::Result result = YamlReader::parseYaml(yaml, "test.yaml");
    if (result.documents.size() != 1 || !result.diagnostics.empty())
        qFatal("test YAML does not parse: %s", yaml);
    return result.documents.front().root;
}

Value defaulted(const char *yaml)
{
    Value object = parse(yaml);
    applyDefaults(object);
    return object;
}

QByteArray dump(const Value &value)
{
    return QByteArray::fromStdString(YamlWriter::toYaml(value));
}

// Compares structure and key order; on failure shows both sides as YAML.
#define COMPARE_VALUES(actual, expected)                                                       \
    do {                                                                                       \
        const Value &a_ = (actual);                                                            \
        const Value &e_ = (expected);                                                          \
        QVERIFY2(a_ == e_, "\n--- actual:\n" + dump(a_) + "--- expected:\n" + dump(e_));       \
    } while (false)

/// The value at a dotted path ("spec.containers.0.imagePullPolicy"); null when absent.
Value at(const Value &root, const QString &path)
{
    const Value *current = &root;
    for (const QString &part : path.split(u'.')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (isIndex && current->isSequence() && std::size_t(index) < current->size())
            current = &current->at(std::size_t(index));
        else if (const Value *child = current->find(part.toStdString()))
            current = child;
        else
            return Value::null();
    }
    return *current;
}

Value podWithImage(const std::string &image)
{
    Value container = Value::mapping();
    container.set("name", Value::string("app"));
    container.set("image", Value::string(image));
    Value containers = Value::sequence();
    containers.append(container);
    Value spec = Value::mapping();
    spec.set("containers", containers);
    Value metadata = Value::mapping();
    metadata.set("name", Value::string("p"));
    Value pod = Value::mapping();
    pod.set("apiVersion", Value::string("v1"));
    pod.set("kind", Value::string("Pod"));
    pod.set("metadata", metadata);
    pod.set("spec", spec);
    return pod;
}

} // namespace

class TestDefaulter : public QObject
{
    Q_OBJECT

private slots:
    void imagePullPolicy_data();
    void imagePullPolicy();
    void explicitPullPolicyIsKept();
    void namespaceIsNotDefaulted();
    void podRequestsFromLimitsAndHostNetwork();
    void kindDefaults_data();
    void kindDefaults();
    void explicitValuesAreKept_data();
    void explicitValuesAreKept();
    void zeroValuesAreDefaultedLikeUpstream();
    void idempotent_data();
    void idempotent();
    void tolerationsNotDuplicated_data();
    void tolerationsNotDuplicated();
    void templatesGetNoPodOnlyDefaults();
    void unknownKindsAndGroupsAreLeftAlone();
    void listItemsAreDefaulted();
};

void TestDefaulter::imagePullPolicy_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *image, const char *expected) {
        QTest::newRow(image) << QString::fromUtf8(image) << QString::fromUtf8(expected);
    };
    row("nginx", "Always");
    row("nginx:latest", "Always");
    row("nginx:1.25", "IfNotPresent");
    row("nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "IfNotPresent");
    row("nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "Always");
    row("nginx:1.25@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "IfNotPresent");
    row("localhost:5000/nginx", "Always");
    row("localhost:5000/nginx:1.2", "IfNotPresent");
    row("localhost:5000/nginx:latest", "Always");
    row("registry.example.com/team/app", "Always");
    row("registry.example.com:443/team/app:v2", "IfNotPresent");
    row("docker.io/library/busybox:1.36", "IfNotPresent");
    // Unparsable references: upstream ignores the parse error, the tag is "".
    row("", "IfNotPresent");
    row("Nginx", "IfNotPresent");
    row("nginx:", "IfNotPresent");
}

void TestDefaulter::imagePullPolicy()
{
    QFETCH(QString, image);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromUtf8(defaultImagePullPolicy(image.toStdString())), expected);

    Value pod = podWithImage(image.toStdString());
    applyDefaults(pod);
    QCOMPARE(QString::fromStdString(at(pod, "spec.containers.0.imagePullPolicy").text()),
             expected);
    // Inserted right after the image, not at the end.
    const Value &container = pod.find("spec")->find("containers")->at(0);
    QCOMPARE(QString::fromStdString(container.keyAt(2).text()), QStringLiteral("imagePullPolicy"));
}

void TestDefaulter::explicitPullPolicyIsKept()
{
    Value pod = podWithImage("nginx:latest");
    Value &container = pod.find("spec")->find("containers")->at(0);
    container.set("imagePullPolicy", Value::string("Never"));
    applyDefaults(pod);
    QCOMPARE(at(pod, "spec.containers.0.imagePullPolicy").text(), std::string("Never"));
}

void TestDefaulter::namespaceIsNotDefaulted()
{
    // kubectl sends the current context's namespace; it is not a server default.
    const Value pod = defaulted("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n");
    QVERIFY(!at(pod, "spec.dnsPolicy").isNull());
    QVERIFY(at(pod, "metadata.namespace").isNull());
}

void TestDefaulter::podRequestsFromLimitsAndHostNetwork()
{
    const Value pod = defaulted(R"(
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  containers:
  - name: a
    image: busybox:1.36
    ports:
    - containerPort: 8080
    - containerPort: 9090
      hostPort: 19090
    resources:
      limits: {cpu: 500m, memory: 128Mi}
      requests: {cpu: 100m}
)");
    COMPARE_VALUES(at(pod, "spec.containers.0.resources"),
                   parse("limits: {cpu: 500m, memory: 128Mi}\n"
                         "requests: {cpu: 100m, memory: 128Mi}\n"));
    QCOMPARE(at(pod, "spec.containers.0.ports.0.hostPort").asInt(), std::optional<std::int64_t>(8080));
    QCOMPARE(at(pod, "spec.containers.0.ports.1.hostPort").asInt(), std::optional<std::int64_t>(19090));
}

void TestDefaulter::kindDefaults_data()
{
    // Each file holds two documents: the object as written, then the object after defaulting.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const QDir dir(QStringLiteral(KUBECANVAS_TEST_DATA_DIR "/defaulting"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        qFatal("no defaulting fixtures in %s", qPrintable(dir.path()));
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        const QByteArray text = file.readAll();
        const qsizetype separator = text.indexOf("\n---\n");
        if (separator < 0)
            qFatal("%s: expected two documents", qPrintable(name));
        QTest::newRow(qPrintable(name)) << text.left(separator + 1) << text.mid(separator + 5);
    }
}

void TestDefaulter::kindDefaults()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    COMPARE_VALUES(defaulted(input.constData()), parse(expected.constData()));
}

void TestDefaulter::explicitValuesAreKept_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("Deployment") << QByteArray(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: 0
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  revisionHistoryLimit: 0
  progressDeadlineSeconds: 30
)");
    QTest::newRow("Service NodePort") << QByteArray(R"(
apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  type: NodePort
  ports: [{port: 80, targetPort: 8080, protocol: SCTP}]
  sessionAffinity: None
  externalTrafficPolicy: Local
  internalTrafficPolicy: Local
  ipFamilyPolicy: PreferDualStack
)");
    QTest::newRow("StatefulSet") << QByteArray(R"(
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  replicas: 3
  podManagementPolicy: Parallel
  updateStrategy: {type: OnDelete}
  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}
  revisionHistoryLimit: 1
)");
    QTest::newRow("CronJob") << QByteArray(R"(
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  concurrencyPolicy: Forbid
  suspend: true
  successfulJobsHistoryLimit: 0
  failedJobsHistoryLimit: 0
)");
    QTest::newRow("StorageClass") << QByteArray(R"(
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: s}
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
)");
}

void TestDefaulter::explicitValuesAreKept()
{
    QFETCH(QByteArray, input);
    COMPARE_VALUES(defaulted(input.constData()), parse(input.constData()));
}

void TestDefaulter::zeroValuesAreDefaultedLikeUpstream()
{
    // Upstream's plain string/int fields cannot tell "" or 0 from unset; a pointer field keeps 0.
    const Value pod = defaulted(R"(
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: ''
  terminationGracePeriodSeconds: 0
  containers:
  - name: a
    image: nginx
    imagePullPolicy: ~
    readinessProbe:
      tcpSocket: {port: 80}
      periodSeconds: 0
      failureThreshold: 7
)");
    QCOMPARE(at(pod, "spec.restartPolicy").text(), std::string("Always"));
    QCOMPARE(at(pod, "spec.terminationGracePeriodSeconds").asInt(), std::optional<std::int64_t>(0));
    QCOMPARE(at(pod, "spec.containers.0.imagePullPolicy").text(), std::string("Always"));
    QCOMPARE(at(pod, "spec.containers.0.readinessProbe.periodSeconds").asInt(),
             std::optional<std::int64_t>(10));
    QCOMPARE(at(pod, "spec.containers.0.readinessProbe.failureThreshold").asInt(),
             std::optional<std::int64_t>(7));
    // A null that was filled is replaced where it stood.
    const Value &container = pod.find("spec")->find("containers")->at(0);
    QCOMPARE(container.keyAt(2).text(), std::string("imagePullPolicy"));
}

void TestDefaulter::idempotent_data()
{
    kindDefaults_data();
}

void TestDefaulter::idempotent()
{
    QFETCH(QByteArray, input);
    const Value once = defaulted(input.constData());
    Value twice = once;
    applyDefaults(twice);
    COMPARE_VALUES(twice, once);

    Value pod = parse(R"(
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  containers: [{name: a, image: a, ports: [{containerPort: 1}], resources: {limits: {cpu: '1'}}}]
)");
    applyDefaults(pod);
    const Value podOnce = pod;
    applyDefaults(pod);
    COMPARE_VALUES(pod, podOnce);
}

void TestDefaulter::tolerationsNotDuplicated_data()
{
    QTest::addColumn<QByteArray>("tolerations");
    QTest::addColumn<QStringList>("expectedKeys");
    QTest::addColumn<QList<qint64>>("expectedSeconds");
    QTest::newRow("none") << QByteArray("[]")
                          << QStringList{"node.kubernetes.io/not-ready",
                                         "node.kubernetes.io/unreachable"}
                          << QList<qint64>{300, 300};
    QTest::newRow("own not-ready") << QByteArray(
        "[{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, "
        "tolerationSeconds: 60}]")
                                   << QStringList{"node.kubernetes.io/not-ready",
                                                  "node.kubernetes.io/unreachable"}
                                   << QList<qint64>{60, 300};
    QTest::newRow("unreachable any effect") << QByteArray(
        "[{key: node.kubernetes.io/unreachable, operator: Exists}]")
                                            << QStringList{"node.kubernetes.io/unreachable",
                                                           "node.kubernetes.io/not-ready"}
                                            << QList<qint64>{-1, 300};
    QTest::newRow("tolerate everything") << QByteArray("[{operator: Exists}]")
                                         << QStringList{""} << QList<qint64>{-1};
    QTest::newRow("other taint") << QByteArray(
        "[{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]")
                                 << QStringList{"dedicated", "node.kubernetes.io/not-ready",
                                                "node.kubernetes.io/unreachable"}
                                 << QList<qint64>{-1, 300, 300};
}

void TestDefaulter::tolerationsNotDuplicated()
{
    QFETCH(QByteArray, tolerations);
    QFETCH(QStringList, expectedKeys);
    QFETCH(QList<qint64>, expectedSeconds);
    Value pod = podWithImage("nginx");
    pod.find("spec")->set("tolerations", parse(tolerations.constData()));
    applyDefaults(pod);
    applyDefaults(pod); // a second pass adds nothing
    const Value list = at(pod, "spec.tolerations");
    QVERIFY(list.isSequence());
    QCOMPARE(list.size(), std::size_t(expectedKeys.size()));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value *key = list.at(i).find("key");
        QCOMPARE(QString::fromStdString(key ? key->text() : std::string()), expectedKeys[int(i)]);
        const Value *seconds = list.at(i).find("tolerationSeconds");
        QCOMPARE(seconds ? qint64(*seconds->asInt()) : qint64(-1), expectedSeconds[int(i)]);
    }
}

void TestDefaulter::templatesGetNoPodOnlyDefaults()
{
    const Value deployment = defaulted(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      hostNetwork: true
      containers:
      - name: a
        image: a:1
        ports: [{containerPort: 80}]
        resources: {limits: {cpu: '1'}}
)");
    // SetDefaults_Pod and the admission plugin apply to Pods, not to templates.
    QVERIFY(at(deployment, "spec.template.spec.tolerations").isNull());
    QVERIFY(at(deployment, "spec.template.spec.enableServiceLinks").isNull());
    QVERIFY(at(deployment, "spec.template.spec.containers.0.resources.requests").isNull());
    QVERIFY(at(deployment, "spec.template.spec.containers.0.ports.0.hostPort").isNull());
    QCOMPARE(at(deployment, "spec.template.spec.restartPolicy").text(), std::string("Always"));

    // A Job template without restartPolicy gets Always as upstream; validation rejects it.
    const Value job = defaulted(R"(
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
)");
    QCOMPARE(at(job, "spec.template.spec.restartPolicy").text(), std::string("Always"));
    QVERIFY(at(job, "metadata.labels").isNull());
}

void TestDefaulter::unknownKindsAndGroupsAreLeftAlone()
{
    const char *inputs[] = {
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n",
        "apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n",
        "apiVersion: example.com/v1\nkind: Widget\nspec: {replicas: ~}\n",
        "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\n"
        "spec: {minAvailable: 1}\n",
        "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n", // no spec: not invented
        "- not a mapping\n",
    };
    for (const char *input : inputs)
        COMPARE_VALUES(defaulted(input), parse(input));

    // Without apiVersion (an object being built in the modeler) the kind alone decides.
    Value secret = Value::mapping();
    secret.set("kind", Value::string("Secret"));
    applyDefaults(secret);
    QCOMPARE(at(secret, "type").text(), std::string("Opaque"));
}

void TestDefaulter::listItemsAreDefaulted()
{
    const Value list = defaulted(R"(
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Secret, metadata: {name: a}}
- {apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: b}, spec: {}}
)");
    QCOMPARE(at(list, "items.0.type").text(), std::string("Opaque"));
    QCOMPARE(at(list, "items.1.spec.replicas").asInt(), std::optional<std::int64_t>(1));
}

QTEST_APPLESS_MAIN(TestDefaulter)
#include "tst_defaulter.moc"
