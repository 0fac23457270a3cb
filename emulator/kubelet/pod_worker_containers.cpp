// SPDX-License-Identifier: Apache-2.0
// PodWorker: one container's life - image pull, create, start, probes, exit, restart with the
// crash-loop back-off (kuberuntime_container.go, prober/worker.go, images/image_manager.go).
#include "pod_worker.h"

#include "image_pull_policy.h"
#include "kubelet.h"
#include "pod_status.h"

#include "emulator/api/go_duration.h"

#include <algorithm>

namespace emu::kubelet {

namespace {

using Kind = store::Pod::ContainerState::Kind;

std::string seconds(SimDuration d)
{
    return api::formatGoDuration(d.ns());
}

// What a failed probe reports, per handler (prober.go runProbe results as the events show them).
std::string probeFailure(const store::Probe &probe, const std::string &podIP)
{
    switch (probe.kind) {
    case store::Probe::Kind::HttpGet:
        return "HTTP probe failed with statuscode: 503";
    case store::Probe::Kind::TcpSocket:
        // The probe dials status.podIP (empty before the sandbox has one, as upstream's JoinHostPort).
        return "dial tcp " + podIP + ":" + probe.port + ": connect: connection refused";
    case store::Probe::Kind::Grpc:
        return "service unhealthy (responded with \"NOT_SERVING\")";
    default:
        return "command terminated with exit code 1";
    }
}

} // namespace

void PodWorker::startContainer(std::size_t run, std::function<void(PodWorker &)> whenStarted)
{
    m_runs[run].busy = true;
    pullImage(run, [run, whenStarted = std::move(whenStarted)](PodWorker &w) {
        Run &r = w.m_runs[run];
        if (w.m_terminating)
            return;
        const std::uint64_t instance = ++r.incarnation;
        w.event("Normal", "Created", "Created container: " + r.spec->name);
        w.at(r.behavior.startDuration(), [run, instance, whenStarted](PodWorker &w2) {
            Run &r2 = w2.m_runs[run];
            if (r2.incarnation != instance || w2.m_terminating)
                return;
            w2.event("Normal", "Started", "Started container " + r2.spec->name);
            w2.containerRunning(run);
            if (whenStarted)
                whenStarted(w2);
        });
    });
}

// images/image_manager.go EnsureImageExists: the pull policy and the node's image cache decide;
// pulls are serialised per node (serializeImagePulls: true); a failed pull is ErrImagePull,
// then ImagePullBackOff until the back-off (10 s doubling to 300 s) lets it try again.
void PodWorker::pullImage(std::size_t run, std::function<void(PodWorker &)> then)
{
    Run &r = m_runs[run];
    const std::string image = r.spec->image;
    const ImagePullAction action = imagePullAction(*r.spec, m_kubelet.hasImage(image));
    if (action == ImagePullAction::ErrNeverPull) {
        const std::string message = "Container image \"" + image + "\" is not present with pull policy of Never";
        event("Warning", "ErrImageNeverPull", message);
        status(run).state = {Kind::Waiting, "ErrImageNeverPull", message, 0, std::nullopt, std::nullopt};
        publish();
        return; // every later sync finds the same; the pod stays Pending
    }
    if (action == ImagePullAction::UseLocal) {
        event("Normal", "Pulled", "Container image \"" + image + "\" already present on machine");
        then(*this);
        return;
    }
    const std::string backoffKey = image + "/" + m_pod.meta.uid;
    const SimTime now = m_kubelet.context().engine.now();
    const SimDuration pull = r.behavior.pullDuration();
    const SimTime start = m_kubelet.reservePull(pull);
    at(start - now, [image](PodWorker &w) { w.event("Normal", "Pulling", "Pulling image \"" + image + "\""); });
    at(start + pull - now, [run, image, pull, backoffKey, then = std::move(then)](PodWorker &w) {
        const SimTime done = w.m_kubelet.context().engine.now();
        if (const std::optional<std::string> failure = w.m_kubelet.pullFailure(image)) {
            const std::string message = "Failed to pull image \"" + image + "\": " + *failure;
            w.event("Warning", "Failed", message);
            w.event("Warning", "Failed", "Error: ErrImagePull");
            w.status(run).state = {Kind::Waiting, "ErrImagePull", message, 0, std::nullopt, std::nullopt};
            w.publish();
            RestartBackoff &backoff = w.m_kubelet.imageBackoff();
            backoff.next(backoffKey, done, done);
            const SimDuration wait = backoff.get(backoffKey);
            // The next sync (the status change wakes the pod worker at once; the PLEG relists
            // every second) finds the image in back-off.
            w.at(SimDuration::seconds(1), [run, image](PodWorker &w2) {
                if (w2.m_terminating)
                    return;
                w2.event("Normal", "BackOff", "Back-off pulling image \"" + image + "\"");
                w2.event("Warning", "Failed", "Error: ImagePullBackOff");
                w2.status(run).state = {Kind::Waiting, "ImagePullBackOff", "Back-off pulling image \"" + image + "\"",
                                        0, std::nullopt, std::nullopt};
                w2.publish();
            });
            w.at(wait, [run, then](PodWorker &w2) {
                if (!w2.m_terminating)
                    w2.pullImage(run, then);
            });
            return;
        }
        w.m_kubelet.addImage(image);
        w.event("Normal", "Pulled", "Successfully pulled image \"" + image + "\" in " + seconds(pull) + " ("
                                        + seconds(pull) + " including waiting)");
        then(w);
    });
}

void PodWorker::containerRunning(std::size_t run)
{
    Run &r = m_runs[run];
    const SimTime now = m_kubelet.context().engine.now();
    r.running = true;
    r.runningSince = now;
    r.failuresReportedUntil = now;
    store::Pod::ContainerStatus &s = status(run);
    s.state = {Kind::Running, "", "", 0, now, std::nullopt};
    // started: at once without a startup probe (kubelet_pods.go convertToAPIContainerStatuses).
    const bool started = !r.startup;
    s.started = started;
    if (r.startup)
        r.startup->containerRunning(now, r.behavior.startupHealth(now), false);
    if (r.liveness)
        r.liveness->containerRunning(now, r.behavior.livenessHealth(now), started);
    if (r.readiness)
        r.readiness->containerRunning(now, r.behavior.readinessHealth(now), started);
    applyReadiness(run);
    if (r.behavior.memoryGrowthPerSecond > 0)
        m_kubelet.watchMemory();
    const std::uint64_t instance = r.incarnation;
    std::optional<SimDuration> exitAfter = r.behavior.exitAfter();
    // A memory limit the process outgrows: the kernel OOM-kills it (exit 137, OOMKilled).
    std::optional<SimDuration> oomAfter;
    if (const auto limit = r.spec->limits.find("memory"); limit != r.spec->limits.end()) {
        const std::int64_t bytes = limit->second.value();
        const std::int64_t atStart = r.behavior.memoryBytesAfter(*r.spec, SimDuration());
        if (atStart > bytes)
            oomAfter = SimDuration();
        else if (r.behavior.memoryGrowthPerSecond > 0)
            oomAfter = SimDuration::fromSeconds(static_cast<double>(bytes - atStart) / r.behavior.memoryGrowthPerSecond);
    }
    if (oomAfter && (!exitAfter || *oomAfter < *exitAfter)) {
        at(*oomAfter, [run, instance](PodWorker &w) {
            if (w.m_runs[run].incarnation == instance && w.m_runs[run].running)
                w.containerExited(run, 137, "OOMKilled", false);
        });
    } else if (exitAfter) {
        at(*exitAfter, [run, instance, code = r.behavior.exitCode](PodWorker &w) {
            if (w.m_runs[run].incarnation == instance && w.m_runs[run].running)
                w.containerExited(run, code, code == 0 ? "Completed" : "Error", false);
        });
    }
    publish();
    scheduleProbes(run);
}

void PodWorker::applyReadiness(std::size_t run)
{
    Run &r = m_runs[run];
    store::Pod::ContainerStatus &s = status(run);
    if (!r.running) {
        s.ready = false;
    } else if (r.readiness) {
        s.ready = s.started && r.readiness->result() == ProbeResult::Success;
    } else {
        // No readiness probe: ready once running and started (regular init containers never).
        s.ready = s.started && !(r.init && !r.sidecar);
    }
}

void PodWorker::scheduleProbes(std::size_t run)
{
    Run &r = m_runs[run];
    const std::uint64_t serial = ++r.probeSerial;
    if (!r.running || m_terminating)
        return;
    std::optional<SimTime> next;
    for (const std::optional<ProbeTracker> *t : {&r.startup, &r.liveness, &r.readiness})
        if (*t)
            if (auto flip = (*t)->nextFlip(); flip && (!next || flip->at < *next))
                next = flip->at;
    const SimTime now = m_kubelet.context().engine.now();
    if (next)
        at(std::max(SimDuration(), *next - now), [run, serial](PodWorker &w) { w.onProbeTimer(run, serial); });
    // Every failed probe is an Unhealthy event, not only those that flip the result.
    std::optional<SimTime> failure;
    for (const std::optional<ProbeTracker> *t : {&r.startup, &r.liveness, &r.readiness})
        if (*t)
            if (auto f = (*t)->nextFailedProbeAfter(std::max(now, r.failuresReportedUntil)); f && (!failure || *f < *failure))
                failure = f;
    if (failure)
        at(*failure - now, [run, serial](PodWorker &w) {
            if (w.m_runs[run].probeSerial != serial || !w.m_runs[run].running || w.m_terminating)
                return;
            w.reportProbeFailures(run);
            w.scheduleProbes(run);
        });
}

void PodWorker::reportProbeFailures(std::size_t run)
{
    Run &r = m_runs[run];
    const SimTime now = m_kubelet.context().engine.now();
    struct Kind
    {
        std::optional<ProbeTracker> *tracker;
        const char *name;
        const std::optional<store::Probe> *spec;
    };
    const Kind kinds[] = {{&r.startup, "Startup", &r.spec->startupProbe},
                          {&r.liveness, "Liveness", &r.spec->livenessProbe},
                          {&r.readiness, "Readiness", &r.spec->readinessProbe}};
    for (const Kind &k : kinds) {
        if (!*k.tracker)
            continue;
        for (auto t = (*k.tracker)->nextFailedProbeAfter(r.failuresReportedUntil); t && *t <= now;
             t = (*k.tracker)->nextFailedProbeAfter(*t))
            event("Warning", "Unhealthy", std::string(k.name) + " probe failed: " + probeFailure(**k.spec, m_pod.status.podIP));
    }
    r.failuresReportedUntil = now;
}

// A probe result flipped (prober worker -> results manager -> kubelet sync).
void PodWorker::onProbeTimer(std::size_t run, std::uint64_t serial)
{
    Run &r = m_runs[run];
    if (r.probeSerial != serial || !r.running || m_terminating)
        return;
    const SimTime now = m_kubelet.context().engine.now();
    store::Pod::ContainerStatus &s = status(run);
    const std::string name = r.spec->name;
    reportProbeFailures(run); // this tick's failure comes before the kill
    auto kill = [&](const char *probe, const store::Probe &spec) {
        event("Normal", "Killing", "Container " + name + " failed " + (probe[0] == 'L' ? "liveness" : "startup")
                                       + " probe, will be restarted");
        const std::int64_t grace = spec.terminationGracePeriodSeconds.value_or(m_pod.spec.terminationGracePeriodSeconds);
        r.restartAfterStop = true;
        stopContainer(run, SimDuration::seconds(grace), nullptr);
    };
    if (r.startup) {
        r.startup->advanceTo(now);
        if (r.startup->result() == ProbeResult::Failure) {
            kill("Startup", *r.spec->startupProbe);
            return;
        }
        if (r.startup->result() == ProbeResult::Success && !s.started) {
            s.started = true;
            if (r.liveness)
                r.liveness->setStarted(now, true);
            if (r.readiness)
                r.readiness->setStarted(now, true);
        }
    }
    if (r.liveness) {
        r.liveness->advanceTo(now);
        if (r.liveness->result() == ProbeResult::Failure) {
            kill("Liveness", *r.spec->livenessProbe);
            return;
        }
    }
    if (r.readiness) {
        r.readiness->advanceTo(now);
    }
    applyReadiness(run);
    publish();
    scheduleProbes(run);
    if (r.sidecar && s.started)
        advance();
}

// The stop signal now; the process exits after its stopSeconds, or is killed when the grace
// period (at least 2 s, minimumGracePeriodInSeconds) runs out.
void PodWorker::stopContainer(std::size_t run, SimDuration grace, std::function<void(PodWorker &)> then)
{
    Run &r = m_runs[run];
    if (!r.running) {
        ++r.incarnation; // a pending start or restart does not happen
        r.busy = false;
        if (then)
            then(*this);
        return;
    }
    if (r.stopping) {
        // Already stopping (a failed probe): this stop takes over, and no restart follows.
        r.restartAfterStop = false;
        auto before = std::move(r.onStopped);
        r.onStopped = [before, then](PodWorker &w) {
            if (before)
                before(w);
            if (then)
                then(w);
        };
        return;
    }
    r.stopping = true;
    r.onStopped = std::move(then);
    ++r.probeSerial;
    const SimDuration killAfter = std::max(grace, SimDuration::seconds(2));
    const SimDuration exitAfter = r.behavior.stopDuration();
    const std::uint64_t instance = r.incarnation;
    if (exitAfter <= killAfter)
        at(exitAfter, [run, instance](PodWorker &w) {
            if (w.m_runs[run].incarnation == instance && w.m_runs[run].running)
                w.containerExited(run, 0, "Completed", false);
        });
    else
        at(killAfter, [run, instance](PodWorker &w) {
            if (w.m_runs[run].incarnation == instance && w.m_runs[run].running)
                w.containerExited(run, 137, "Error", false);
        });
}

void PodWorker::crashContainer(const std::string &container, int exitCode)
{
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].spec->name == container && m_runs[i].running && !m_runs[i].stopping)
            containerExited(i, exitCode, exitCode == 0 ? "Completed" : "Error", false);
}

// The process ended: Terminated; then restarted per restartPolicy (sidecars always; a failed
// liveness or startup probe restarts unless the policy is Never), or the pod moves on.
void PodWorker::containerExited(std::size_t run, int exitCode, const std::string &reason, bool killedByProbe)
{
    Run &r = m_runs[run];
    const SimTime now = m_kubelet.context().engine.now();
    ++r.incarnation;
    ++r.probeSerial;
    r.running = false;
    for (std::optional<ProbeTracker> *t : {&r.startup, &r.liveness, &r.readiness})
        if (*t)
            (*t)->containerStopped(now);
    store::Pod::ContainerStatus &s = status(run);
    s.state = {Kind::Terminated, reason, "", exitCode, s.state.startedAt, now};
    s.ready = false;
    s.started = false;
    const bool probeKill = killedByProbe || r.restartAfterStop;
    if (r.stopping && !r.restartAfterStop) {
        r.stopping = false;
        r.busy = false;
        publish();
        if (auto then = std::move(r.onStopped)) {
            r.onStopped = nullptr;
            then(*this);
        }
        return;
    }
    r.stopping = false;
    r.restartAfterStop = false;
    const std::string &policy = m_pod.spec.restartPolicy;
    bool restart;
    if (r.sidecar)
        restart = true;
    else if (r.init)
        restart = exitCode != 0 && policy != "Never";
    else
        restart = policy == "Always" || (policy == "OnFailure" && (exitCode != 0 || probeKill))
                  || (probeKill && policy != "Never");
    if (m_terminating)
        restart = false;
    if (!restart) {
        r.busy = false;
        publish();
        if (r.init && exitCode == 0)
            advance();
        else
            finishIfDone();
        return;
    }
    restartAfterBackoff(run);
}

// kuberuntime_manager.go doBackOff: the first restart is immediate, then 10 s doubling to
// 300 s (CrashLoopBackOff meanwhile), reset after 10 minutes without a crash.
void PodWorker::restartAfterBackoff(std::size_t run)
{
    Run &r = m_runs[run];
    const SimTime now = m_kubelet.context().engine.now();
    const std::string name = r.spec->name;
    const std::string backoffKey = RestartBackoff::stableKey(m_pod.meta.name, m_pod.meta.namespaceName,
                                                             m_pod.meta.uid, name);
    RestartBackoff &backoff = m_kubelet.restartBackoff();
    const SimDuration wait = backoff.tryRestart(backoffKey, now, now);
    auto restartNow = [run, backoffKey, finishedAt = now](PodWorker &w) {
        if (w.m_terminating || w.m_terminated)
            return;
        // doBackOff again, as the next sync does: the back-off has run out since finishedAt,
        // so this advances it (10 s, 20 s, ...) for the next crash.
        w.m_kubelet.restartBackoff().tryRestart(backoffKey, finishedAt, w.m_kubelet.context().engine.now());
        store::Pod::ContainerStatus &s = w.status(run);
        if (s.state.kind == Kind::Terminated)
            s.lastState = s.state;
        s.restartCount += 1;
        s.state = {Kind::Waiting, "", "", 0, std::nullopt, std::nullopt};
        Run &r2 = w.m_runs[run];
        w.startContainer(run, r2.sidecar ? std::function<void(PodWorker &)>([](PodWorker &w3) { w3.advance(); })
                                         : std::function<void(PodWorker &)>());
    };
    r.busy = true;
    if (wait == SimDuration()) {
        restartNow(*this);
        return;
    }
    const std::string who = m_pod.meta.name + "_" + m_pod.meta.namespaceName + "(" + m_pod.meta.uid + ")";
    event("Warning", "BackOff", "Back-off restarting failed container " + name + " in pod " + who);
    store::Pod::ContainerStatus &s = status(run);
    s.lastState = s.state;
    s.state = {Kind::Waiting, "CrashLoopBackOff",
               "back-off " + seconds(backoff.get(backoffKey)) + " restarting failed container=" + name + " pod=" + who,
               0, std::nullopt, std::nullopt};
    publish();
    at(wait, restartNow);
}

} // namespace emu::kubelet
