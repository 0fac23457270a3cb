// SPDX-License-Identifier: Apache-2.0
// The Job controller (pkg/controller/job, spec 7.5) as timelines: completions and
// parallelism, backoffLimit with the 10 s doubling back-off, activeDeadlineSeconds, Indexed
// mode, podFailurePolicy, suspend and resume, and the TTL-after-finished controller.
#include "workload_fixture.h"

#include <QtTest>

#include <algorithm>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

std::string job(const std::string &name, const std::string &specExtra, const std::string &behavior)
{
    return "---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: " + name + "\nspec:\n" + specExtra
           + podTemplate(name, behavior, "busybox:1.36", "      restartPolicy: Never\n");
}

std::shared_ptr<const emu::store::Job> getJob(const EmulatorFixture &f, const std::string &name)
{
    return f.emulator->store().jobs().get("default/" + name);
}

const emu::store::WorkloadCondition *condition(const emu::store::Job &job, const std::string &type)
{
    return emu::store::findCondition(job.status.conditions, type);
}

double eventTime(const emu::report::EventRecord &e)
{
    return seconds(e.timeNs);
}

} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private slots:
    void completionsWithParallelism();
    void backoffLimitWithDoublingDelays();
    void activeDeadlineFailsTheJob();
    void indexedCompletionMode();
    void podFailurePolicyFailJobAndIgnore();
    void suspendAndResume();
    void ttlAfterFinishedDeletesTheJob();
};

void TestJob::completionsWithParallelism()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "5m")
                      + job("work", "  completions: 5\n  parallelism: 2\n", R"({"app": {"exitAfterSeconds": 10}})"));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    int maxActive = 0;
    for (double t = 0.5; t < 120; t += 0.5) {
        f.runTo(t);
        const auto j = getJob(f, "work");
        maxActive = std::max(maxActive, j->status.active);
    }
    QCOMPARE(maxActive, 2);
    const auto j = getJob(f, "work");
    QCOMPARE(j->status.succeeded, 5);
    QCOMPARE(j->status.failed, 0);
    QCOMPARE(j->status.active, 0);
    QVERIFY(condition(*j, "SuccessCriteriaMet"));
    QVERIFY(condition(*j, "Complete"));
    QVERIFY(j->status.completionTime);
    QVERIFY(j->status.startTime);
    QCOMPARE(f.events("Completed", "work").size(), std::size_t(1));
    QCOMPARE(f.events("SuccessfulCreate", "work").size(), std::size_t(5));
    // The API server's generated selector and labels.
    QCOMPARE(j->spec.selector.value.find("matchLabels")->find("batch.kubernetes.io/controller-uid")->text(),
             j->meta.uid);
    const auto pods = podsOwnedBy(f, j->meta.uid);
    QCOMPARE(pods.size(), std::size_t(5));
    QCOMPARE(pods.front()->meta.labels.at("batch.kubernetes.io/job-name"), std::string("work"));
    QCOMPARE(pods.front()->meta.labels.at("job-name"), std::string("work"));
}

void TestJob::backoffLimitWithDoublingDelays()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10m")
                      + job("flaky", "  backoffLimit: 3\n", R"({"app": {"exitAfterSeconds": 1, "exitCode": 1}})"));
    QVERIFY(f.ok());
    f.runTo(600);
    const auto j = getJob(f, "flaky");
    QCOMPARE(j->status.failed, 4); // backoffLimit + 1
    const auto *failed = condition(*j, "Failed");
    QVERIFY(failed);
    QCOMPARE(failed->reason, std::string("BackoffLimitExceeded"));
    QCOMPARE(failed->message, std::string("Job has reached the specified backoff limit"));
    QCOMPARE(f.events("BackoffLimitExceeded", "flaky").size(), std::size_t(1));
    // Each replacement waits 10 s, 20 s, 40 s after the previous pod's failure.
    auto pods = podsOwnedBy(f, j->meta.uid);
    QCOMPARE(pods.size(), std::size_t(4));
    std::sort(pods.begin(), pods.end(), [](const PodPtr &a, const PodPtr &b) {
        return a->meta.creationTimestamp < b->meta.creationTimestamp;
    });
    const double expected[] = {10, 20, 40};
    for (std::size_t i = 1; i < pods.size(); ++i) {
        const auto &status = pods[i - 1]->status.containerStatuses.at(0);
        QVERIFY(status.state.finishedAt);
        const double gap = pods[i]->meta.creationTimestamp.toSeconds() - status.state.finishedAt->toSeconds();
        QVERIFY2(gap > expected[i - 1] - 0.001 && gap < expected[i - 1] + 0.1, std::to_string(gap).c_str());
    }
}

void TestJob::activeDeadlineFailsTheJob()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "5m") + job("slow", "  activeDeadlineSeconds: 30\n", {}));
    QVERIFY(f.ok());
    f.runTo(29.9);
    QVERIFY(!condition(*getJob(f, "slow"), "FailureTarget"));
    QCOMPARE(getJob(f, "slow")->status.active, 1);
    f.runTo(120);
    const auto j = getJob(f, "slow");
    QVERIFY(condition(*j, "FailureTarget"));
    const auto *failed = condition(*j, "Failed");
    QVERIFY(failed);
    QCOMPARE(failed->reason, std::string("DeadlineExceeded"));
    const double at = condition(*j, "FailureTarget")->lastTransitionTime.toSeconds();
    QVERIFY2(at >= 30 && at < 30.1, std::to_string(at).c_str());
    const auto events = f.events("DeadlineExceeded", "slow");
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events.front().message, std::string("Job was active longer than specified deadline"));
    QCOMPARE(f.events("SuccessfulDelete", "slow").size(), std::size_t(1));
    QCOMPARE(j->status.failed, 0); // the Job's own deletion is not a pod failure
    QCOMPARE(j->status.active, 0);
}

void TestJob::indexedCompletionMode()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "5m")
                      + job("idx", "  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n",
                            R"({"app": {"exitAfterSeconds": 5}})"));
    QVERIFY(f.ok());
    f.runTo(3);
    const auto j0 = getJob(f, "idx");
    auto pods = podsOwnedBy(f, j0->meta.uid);
    QCOMPARE(pods.size(), std::size_t(3));
    std::set<std::string> indexes;
    for (const PodPtr &pod : pods) {
        const std::string index = pod->meta.annotations.at("batch.kubernetes.io/job-completion-index");
        indexes.insert(index);
        QCOMPARE(pod->meta.labels.at("batch.kubernetes.io/job-completion-index"), index);
        QCOMPARE(pod->meta.generateName, "idx-" + index + "-");
        QCOMPARE(pod->spec.full.find("hostname")->text(), "idx-" + index);
        const auto *env = pod->spec.full.find("containers")->at(0).find("env");
        QVERIFY(env);
        QCOMPARE(env->at(0).find("name")->text(), std::string("JOB_COMPLETION_INDEX"));
    }
    QCOMPARE(indexes, (std::set<std::string>{"0", "1", "2"}));
    f.runTo(60);
    const auto j = getJob(f, "idx");
    QCOMPARE(j->status.completedIndexes, std::string("0-2"));
    QVERIFY(condition(*j, "Complete"));
}

void TestJob::podFailurePolicyFailJobAndIgnore()
{
    const std::string policy = "  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n"
                               "        operator: In\n        values: [3]\n    - action: FailJob\n"
                               "      onExitCodes:\n        containerName: app\n        operator: In\n"
                               "        values: [42]\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "5m")
                      + job("fatal", policy, R"({"app": {"exitAfterSeconds": 1, "exitCode": 42}})")
                      + job("ignored", policy + "  backoffLimit: 0\n",
                            R"({"app": {"exitAfterSeconds": 1, "exitCode": 3}})"));
    QVERIFY(f.ok());
    f.runTo(60);
    const auto fatal = getJob(f, "fatal");
    const auto *failed = condition(*fatal, "Failed");
    QVERIFY(failed);
    QCOMPARE(failed->reason, std::string("PodFailurePolicy"));
    QVERIFY2(failed->message.find("failed with exit code 42 matching FailJob rule at index 1")
                 != std::string::npos,
             failed->message.c_str());
    QCOMPARE(podsOwnedBy(f, fatal->meta.uid).size(), std::size_t(1)); // no retry
    // Ignored failures neither count nor back off: replacements follow at once.
    const auto ignored = getJob(f, "ignored");
    QCOMPARE(ignored->status.failed, 0);
    QVERIFY(!condition(*ignored, "Failed"));
    QVERIFY(podsOwnedBy(f, ignored->meta.uid).size() >= 10);
}

void TestJob::suspendAndResume()
{
    const std::string resume = "  - at: 30s\n    type: Apply\n    manifest:\n      apiVersion: batch/v1\n"
                               "      kind: Job\n      metadata: {name: later, namespace: default}\n"
                               "      spec:\n        suspend: false\n        template:\n          metadata:\n"
                               "            labels: {app: later}\n          spec:\n            restartPolicy: Never\n"
                               "            containers:\n            - name: app\n              image: busybox:1.36\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, resume, {}, "5m") + job("later", "  suspend: true\n", {}));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(29);
    auto j = getJob(f, "later");
    QCOMPARE(podsOwnedBy(f, j->meta.uid).size(), std::size_t(0));
    QVERIFY(!j->status.startTime);
    QCOMPARE(condition(*j, "Suspended")->status, std::string("True"));
    QCOMPARE(condition(*j, "Suspended")->reason, std::string("JobSuspended"));
    QCOMPARE(f.events("Suspended", "later").size(), std::size_t(1));
    f.runTo(40);
    j = getJob(f, "later");
    QCOMPARE(condition(*j, "Suspended")->status, std::string("False"));
    QCOMPARE(condition(*j, "Suspended")->reason, std::string("JobResumed"));
    QCOMPARE(f.events("Resumed", "later").size(), std::size_t(1));
    QVERIFY(j->status.startTime && j->status.startTime->toSeconds() >= 30);
    QCOMPARE(j->status.active, 1);
}

void TestJob::ttlAfterFinishedDeletesTheJob()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "5m")
                      + job("brief", "  ttlSecondsAfterFinished: 20\n", R"({"app": {"exitAfterSeconds": 2}})"));
    QVERIFY(f.ok());
    f.runTo(15);
    const auto j = getJob(f, "brief");
    QVERIFY(j);
    const auto *complete = condition(*j, "Complete");
    QVERIFY(complete);
    const double finished = complete->lastTransitionTime.toSeconds();
    const std::string uid = j->meta.uid;
    f.runTo(finished + 19.9);
    QVERIFY(getJob(f, "brief"));
    f.runTo(finished + 20.1);
    QVERIFY(!getJob(f, "brief"));
    f.runTo(120);
    QCOMPARE(podsOwnedBy(f, uid).size(), std::size_t(0)); // the garbage collector took the pods
}

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
