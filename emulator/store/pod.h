// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "object_meta.h"

#include "emulator/api/value.h"

#include <optional>
#include <string>
#include <vector>

namespace emu::store {

struct ContainerPort
{
    std::string name;
    int containerPort = 0;
    std::string protocol = "TCP";
    int hostPort = 0;
};

struct Probe
{
    enum class Kind { None, Exec, HttpGet, TcpSocket, Grpc };
    Kind kind = Kind::None;
    int initialDelaySeconds = 0;
    int periodSeconds = 10;
    int timeoutSeconds = 1;
    int successThreshold = 1;
    int failureThreshold = 3;
    std::optional<int> terminationGracePeriodSeconds;
    std::string port; ///< httpGet / tcpSocket / grpc port (a named port resolved to its number)
};

struct Container
{
    std::string name;
    std::string image;
    std::string imagePullPolicy; ///< Always, IfNotPresent, Never (defaulted)
    ResourceList requests;
    ResourceList limits;
    std::vector<ContainerPort> ports;
    std::optional<Probe> startupProbe;
    std::optional<Probe> livenessProbe;
    std::optional<Probe> readinessProbe;
    std::string restartPolicy; ///< init containers only: "Always" makes a sidecar
};

struct Toleration
{
    std::string key;
    std::string op = "Equal"; ///< Equal, Exists
    std::string value;
    std::string effect;       ///< empty: all effects
    std::optional<std::int64_t> tolerationSeconds;
};

/// A Pod as the emulator runs it: the spec fields the kubelet and the scheduler need, typed,
/// plus the manifest's full spec as a Value so that nothing is lost on the way out.
struct Pod
{
    static constexpr const char *apiVersion = "v1";
    static constexpr const char *kind = "Pod";

    ObjectMeta meta;

    struct Spec
    {
        std::vector<Container> initContainers;
        std::vector<Container> containers;
        std::string nodeName;
        api::Labels nodeSelector;
        api::Value affinity; ///< as written (mapping or null)
        std::vector<Toleration> tolerations;
        std::string restartPolicy = "Always";
        std::int64_t terminationGracePeriodSeconds = 30;
        std::string schedulerName = "default-scheduler";
        std::string priorityClassName;
        std::optional<std::int32_t> priority;
        std::string preemptionPolicy; ///< PreemptLowerPriority, Never
        api::Value topologySpreadConstraints; ///< as written
        api::Value full = api::Value::mapping(); ///< the whole spec as written (defaulted)
    } spec;

    struct ContainerState
    {
        enum class Kind { Waiting, Running, Terminated };
        Kind kind = Kind::Waiting;
        std::string reason;  ///< ContainerCreating, PodInitializing, ErrImagePull, ImagePullBackOff,
                             ///< CrashLoopBackOff; Completed, Error, OOMKilled
        std::string message;
        int exitCode = 0;
        std::optional<SimTime> startedAt;
        std::optional<SimTime> finishedAt;
    };

    struct ContainerStatus
    {
        std::string name;
        std::string image;
        bool ready = false;
        bool started = false;
        int restartCount = 0;
        ContainerState state;
        std::optional<ContainerState> lastState;
    };

    struct Condition
    {
        std::string type; ///< PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady,
                          ///< Ready, DisruptionTarget
        std::string status;
        std::string reason;
        std::string message;
        SimTime lastTransitionTime;
    };

    struct Status
    {
        std::string phase = "Pending"; ///< Pending, Running, Succeeded, Failed, Unknown
        std::string reason;            ///< e.g. Evicted, NodeLost
        std::string message;
        std::string qosClass;          ///< Guaranteed, Burstable, BestEffort
        std::string hostIP;
        std::string podIP;
        std::string nominatedNodeName;
        std::optional<SimTime> startTime;
        std::vector<Condition> conditions;
        std::vector<ContainerStatus> initContainerStatuses;
        std::vector<ContainerStatus> containerStatuses;
    } status;

    const Condition *condition(std::string_view type) const
    {
        for (const Condition &c : status.conditions)
            if (c.type == type)
                return &c;
        return nullptr;
    }
};

} // namespace emu::store
