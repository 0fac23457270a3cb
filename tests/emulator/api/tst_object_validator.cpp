// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/kind_registry.h"
#include "emulator/api/object_validator.h"
#include "emulator/api/yaml_reader.h"

#include <QtTest>

using namespace emu::api;

namespace {

Diagnostics validateText(const QByteArray &yaml)
{
    const YamlReader::Result read = YamlReader::parse(yaml.toStdString(), "test.yaml");
    Diagnostics out = read.diagnostics;
    for (const Document &document : read.documents)
        validateObject(document.root, "test.yaml", out);
    return out;
}

QString dump(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.format());
    return lines.join(QLatin1Char('\n'));
}

const Diagnostic *findDiagnostic(const Diagnostics &diagnostics, Severity severity,
                                 const QString &path, const QString &fragment)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == severity && QString::fromStdString(d.path) == path
            && QString::fromStdString(d.message).contains(fragment))
            return &d;
    }
    return nullptr;
}

const QByteArray deploymentHead = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";

} // namespace

class tst_ObjectValidator : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void reports_data();
    void reports();
    void positions();
    void registry();
};

void tst_ObjectValidator::accepts_data()
{
    QTest::addColumn<QByteArray>("yaml");

    QTest::newRow("pod") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web}\nspec:\n"
        "  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 80\n"
        "    resources:\n      requests: {cpu: 100m, memory: 1Gi}\n      limits: {cpu: 1}\n"
        "    livenessProbe:\n      httpGet: {path: /, port: http}\n"
        "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
        "        nodeSelectorTerms:\n        - matchExpressions:\n"
        "          - {key: zone, operator: In, values: [a]}\n"
        "  tolerations:\n  - {key: k, operator: Exists, effect: NoSchedule}\n");
    QTest::newRow("null optional fields") << QByteArray(
        deploymentHead + "spec:\n  replicas:\n  selector:\n    matchLabels: {app: web}\n"
        "  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n"
        "      containers:\n      - name: c\n        image: nginx\n        args:\n");
    QTest::newRow("generateName") << QByteArray(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: pi-\nspec:\n  template:\n"
        "    spec:\n      restartPolicy: Never\n      containers:\n      - {name: pi, image: perl}\n");
    QTest::newRow("quantity as number") << QByteArray(
        "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n"
        "  - type: Container\n    defaultRequest:\n      memory: 256000\n");
    QTest::newRow("int-or-string") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n"
        "  - {port: 80, targetPort: http}\n  - {port: 81, targetPort: 8081}\n");
    QTest::newRow("configmap odd keys") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  5: five\n  true: \"yes\"\n");
    QTest::newRow("rbac loose") << QByteArray(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n"
        "  name: system:reader\nrules:\n- apiGroups: ['']\n  resources: [pods]\n  verbs: [get]\n");
}

void tst_ObjectValidator::accepts()
{
    QFETCH(QByteArray, yaml);
    const Diagnostics diagnostics = validateText(yaml);
    QVERIFY2(diagnostics.empty(), qPrintable(dump(diagnostics)));
}

void tst_ObjectValidator::reports_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const QByteArray rcHead = "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: r\n";
    QTest::newRow("string for int") << rcHead + "spec:\n  replicas: asd\"\n" << true
                                    << "spec.replicas" << "expected an integer, got a string \"asd\\\"\"";
    QTest::newRow("port not a number") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: sds\n")
        << true << "spec.ports[0].port" << "expected an integer";
    QTest::newRow("port out of range") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 70000\n")
        << true << "spec.ports[0].port" << "between 1 and 65535";
    QTest::newRow("null container name") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name:\n"
        "    image: nginx\n") << true << "spec.containers[0].name" << "Required value";
    QTest::newRow("null args item") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
        "    args:\n    -\n") << true << "spec.containers[0].args[0]" << "must not be null";
    QTest::newRow("list for node selector") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: c}]\n"
        "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
        "      - nodeSelectorTerms: []\n")
        << true << "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
        << "expected a mapping, got a list";
    QTest::newRow("invalid quantity") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
        "    resources:\n      requests:\n        cpu: abc\n")
        << true << "spec.containers[0].resources.requests.cpu" << "invalid quantity \"abc\"";
    QTest::newRow("missing name") << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n")
                                  << true << "metadata.name" << "Required value";
    QTest::newRow("missing apiVersion") << QByteArray("kind: ConfigMap\nmetadata: {name: c}\n")
                                        << true << "apiVersion" << "Required value";
    QTest::newRow("null kind") << QByteArray("apiVersion: v1\nkind:\n") << true << "kind"
                               << "Required value";
    QTest::newRow("bad selector operator") << deploymentHead + "spec:\n  selector:\n"
        "    matchExpressions: [{key: a, operator: Is}]\n  template:\n    spec:\n"
        "      containers: [{name: c}]\n" << true << "spec.selector.matchExpressions[0].operator"
        << "Unsupported value";
    QTest::newRow("unknown field") << QByteArray(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  replicas: 2\n"
        "  selector: {matchLabels: {a: b}}\n  template:\n    spec:\n"
        "      containers: [{name: c, image: i}]\n")
        << false << "spec.replicas" << "unknown field \"replicas\"";
    QTest::newRow("removed field") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ipFamily: IPv6\n")
        << false << "spec.ipFamily"
        << "field spec.ipFamily was removed in Kubernetes 1.20; use spec.ipFamilies";
    QTest::newRow("removed version") << deploymentHead.mid(0, 0) + QByteArray(
        "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n"
        "    spec:\n      containers: [{name: c, image: i}]\n")
        << false << "apiVersion" << "apps/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1";
    QTest::newRow("removed version is lenient") << QByteArray(
        "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
        "  replicas: many\n  template:\n    spec:\n      containers: [{name: c}]\n")
        << false << "spec.replicas" << "expected an integer";
    QTest::newRow("custom resource") << QByteArray(
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec: {size: 3}\n")
        << false << "kind" << "unknown kind Widget (example.com/v1): kept as is, not validated";
    QTest::newRow("fraction for int") << rcHead + "spec:\n  replicas: 1.5\n" << true
                                      << "spec.replicas" << "expected an integer, got a number \"1.5\"";
    QTest::newRow("bool for container name") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: true\n")
        << true << "spec.containers[0].name" << "expected a string, got a boolean";
    QTest::newRow("null item even when lenient") << QByteArray(
        "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
        "  template:\n    spec:\n      containers:\n      -\n")
        << true << "spec.template.spec.containers[0]" << "must not be null";
    QTest::newRow("unknown version") << QByteArray(
        "apiVersion: apps/v9\nkind: Deployment\nmetadata:\n  name: d\n")
        << false << "apiVersion" << "unknown API version \"apps/v9\" for Deployment; use apps/v1";
    QTest::newRow("unusual enum value") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
        "    ports: [{containerPort: 80, protocol: tcp}]\n")
        << false << "spec.containers[0].ports[0].protocol" << "Unsupported value: \"tcp\"";
    QTest::newRow("name not a DNS subdomain") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n")
        << false << "metadata.name" << "Invalid value: \"My_Config\"";
    QTest::newRow("namespace of cluster-scoped kind") << QByteArray(
        "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\n  namespace: x\n")
        << false << "metadata.namespace" << "cluster-scoped";
    QTest::newRow("custom resource without name") << QByteArray(
        "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: []\n")
        << false << "metadata.name" << "Required value";
    QTest::newRow("missing image") << QByteArray(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n")
        << false << "spec.containers[0].image" << "Required value: image is required";
    QTest::newRow("bad label value") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {app: \"a b\"}\n")
        << false << "metadata.labels.app" << "Invalid value: \"a b\"";
    QTest::newRow("number for string") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 2}\n")
        << false << "metadata.labels.version" << "expected a string, got an integer";
}

void tst_ObjectValidator::reports()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, isError);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const Diagnostics diagnostics = validateText(yaml);
    const Severity severity = isError ? Severity::Error : Severity::Warning;
    QVERIFY2(findDiagnostic(diagnostics, severity, path, message), qPrintable(dump(diagnostics)));
    // Warnings must never come with an error: such files are accepted.
    QCOMPARE(hasErrors(diagnostics), isError);
}

void tst_ObjectValidator::positions()
{
    const Diagnostics missing = validateText(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: x\n");
    const Diagnostic *name = findDiagnostic(missing, Severity::Error, "spec.containers[0].name",
                                            "Required value");
    QVERIFY2(name, qPrintable(dump(missing)));
    QCOMPARE(name->pos.line, 7u); // the container's mapping
    QCOMPARE(name->file, std::string("test.yaml"));

    const Diagnostics wrong = validateText(
        "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: r\nspec:\n  replicas: x\n");
    const Diagnostic *replicas = findDiagnostic(wrong, Severity::Error, "spec.replicas", "");
    QVERIFY2(replicas, qPrintable(dump(wrong)));
    QCOMPARE(replicas->pos.line, 6u);
    QCOMPARE(replicas->pos.column, 13u);
}

void tst_ObjectValidator::registry()
{
    const GroupVersion core = splitApiVersion("v1");
    QCOMPARE(core.group, std::string_view());
    QCOMPARE(core.version, std::string_view("v1"));
    const GroupVersion apps = splitApiVersion("apps/v1");
    QCOMPARE(apps.group, std::string_view("apps"));
    QCOMPARE(apps.version, std::string_view("v1"));

    const KindInfo *deployment = findKind("apps", "Deployment");
    QVERIFY(deployment);
    QVERIFY(deployment->serves("v1"));
    QVERIFY(deployment->findRemoved("v1beta2"));
    QVERIFY(findKind("extensions", "Ingress"));
    QVERIFY(!findKind("example.com", "Widget"));

    QVERIFY(isNamespaced("", "Pod"));
    QVERIFY(!isNamespaced("", "Node"));
    QVERIFY(!isNamespaced("storage.k8s.io", "StorageClass"));
    QVERIFY(!isNamespaced("kubecanvas.io", "Cluster"));
    QVERIFY(isNamespaced("example.com", "Widget")); // unknown kinds: namespaced
}

QTEST_APPLESS_MAIN(tst_ObjectValidator)
#include "tst_object_validator.moc"
