// SPDX-License-Identifier: Apache-2.0
// pkg/kubelet/images/image_manager.go shouldPullImage / EnsureImageExists (spec 5.10), with the
// defaulting of an empty imagePullPolicy taken from api::defaultImagePullPolicy.
#include "emulator/kubelet/image_pull_policy.h"

#include <QtTest>

using emu::kubelet::ImagePullAction;

Q_DECLARE_METATYPE(ImagePullAction)

class TestImagePullPolicy : public QObject
{
    Q_OBJECT

private slots:
    void action_data();
    void action();
    void effectivePolicy_data();
    void effectivePolicy();
};

void TestImagePullPolicy::action_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("present");
    QTest::addColumn<ImagePullAction>("expected");

    QTest::newRow("Always, present: resolve the digest again") << "Always" << true << ImagePullAction::Pull;
    QTest::newRow("Always, absent") << "Always" << false << ImagePullAction::Pull;
    QTest::newRow("IfNotPresent, present") << "IfNotPresent" << true << ImagePullAction::UseLocal;
    QTest::newRow("IfNotPresent, absent") << "IfNotPresent" << false << ImagePullAction::Pull;
    QTest::newRow("Never, present") << "Never" << true << ImagePullAction::UseLocal;
    QTest::newRow("Never, absent: ErrImageNeverPull") << "Never" << false << ImagePullAction::ErrNeverPull;
}

void TestImagePullPolicy::action()
{
    QFETCH(QString, policy);
    QFETCH(bool, present);
    QFETCH(ImagePullAction, expected);
    QCOMPARE(emu::kubelet::imagePullAction(policy.toStdString(), present), expected);
    emu::store::Container container;
    container.image = "nginx:1.27";
    container.imagePullPolicy = policy.toStdString();
    QCOMPARE(emu::kubelet::imagePullAction(container, present), expected);
}

void TestImagePullPolicy::effectivePolicy_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("expected");

    QTest::newRow("set policy wins") << "nginx" << "Never" << "Never";
    QTest::newRow("no tag: Always") << "nginx" << "" << "Always";
    QTest::newRow(":latest: Always") << "nginx:latest" << "" << "Always";
    QTest::newRow("other tag: IfNotPresent") << "nginx:1.27" << "" << "IfNotPresent";
    QTest::newRow("digest: IfNotPresent") << "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                                          << "" << "IfNotPresent";
}

void TestImagePullPolicy::effectivePolicy()
{
    QFETCH(QString, image);
    QFETCH(QString, policy);
    QFETCH(QString, expected);
    emu::store::Container container;
    container.image = image.toStdString();
    container.imagePullPolicy = policy.toStdString();
    QCOMPARE(QString::fromUtf8(emu::kubelet::effectiveImagePullPolicy(container)), expected);
}

QTEST_APPLESS_MAIN(TestImagePullPolicy)
#include "tst_image_pull_policy.moc"
