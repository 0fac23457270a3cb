// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emu::api {

/// The typed `spec` of a `kubecanvas.io/v1alpha1` Cluster: the Kubernetes version the
/// emulator imitates and the control-plane and kubelet settings that drive node health.
///
/// Every field is optional; fromObject() starts from defaultsFor(version) and lets explicit
/// values override. Durations are kept in milliseconds (the emulator's clock unit).
struct ClusterSpec
{
    /// kube-controller-manager flags (node lifecycle and node IPAM controllers).
    struct ControllerManager
    {
        std::int64_t nodeMonitorPeriodMs = 5'000;       ///< --node-monitor-period
        std::int64_t nodeMonitorGracePeriodMs = 50'000; ///< --node-monitor-grace-period (40 s < 1.32)
        std::int64_t nodeStartupGracePeriodMs = 60'000; ///< --node-startup-grace-period
        double nodeEvictionRate = 0.1;                  ///< --node-eviction-rate (nodes/s)
        double secondaryNodeEvictionRate = 0.01;        ///< --secondary-node-eviction-rate
        double unhealthyZoneThreshold = 0.55;           ///< --unhealthy-zone-threshold
        std::int64_t largeClusterSizeThreshold = 50;    ///< --large-cluster-size-threshold
        std::string clusterCIDR = "10.244.0.0/16";      ///< --cluster-cidr
        std::int64_t nodeCIDRMaskSize = 24;             ///< --node-cidr-mask-size
        /// --pod-eviction-timeout: only used by clusters older than 1.27 (flag removed there,
        /// PR kubernetes#115840); newer ones evict through tolerationSeconds: 300.
        std::int64_t podEvictionTimeoutMs = 300'000;
    };

    /// KubeletConfiguration fields.
    struct Kubelet
    {
        std::int64_t nodeStatusUpdateFrequencyMs = 10'000;
        std::int64_t nodeStatusReportFrequencyMs = 300'000;
        std::int64_t nodeLeaseDurationSeconds = 40;
        std::int64_t shutdownGracePeriodMs = 0;             ///< 0: graceful shutdown inactive
        std::int64_t shutdownGracePeriodCriticalPodsMs = 0;
        struct PriorityGracePeriod
        {
            std::int64_t priority = 0;
            std::int64_t shutdownGracePeriodSeconds = 0;
        };
        std::vector<PriorityGracePeriod> shutdownGracePeriodByPodPriority;
    };

    /// kube-apiserver flags.
    struct Network
    {
        std::string serviceCIDR = "10.96.0.0/12";         ///< --service-cluster-ip-range
        std::string serviceNodePortRange = "30000-32767"; ///< --service-node-port-range
        int nodePortMin = 30000;
        int nodePortMax = 32767;
    };

    std::string kubernetesVersion = "1.32"; ///< as written
    int versionMajor = 1;
    int versionMinor = 32;
    ControllerManager controllerManager;
    Kubelet kubelet;
    Network network;

    /// The oldest and newest minor versions whose defaults are known (1.20 .. 1.34).
    static constexpr int kOldestKnownMinor = 20;
    static constexpr int kNewestKnownMinor = 34;

    /// Upstream defaults of Kubernetes major.minor.
    static ClusterSpec defaultsFor(int major, int minor);
    /// Decodes a Cluster object; always returns a usable spec (defaults where a field is
    /// missing or invalid) and reports problems to `out`.
    static ClusterSpec fromObject(const Value &object, const std::string &file, Diagnostics &out);
    /// Parses "1.32", "v1.32" or "v1.32.1" into {major, minor}.
    static std::optional<std::pair<int, int>> parseVersion(std::string_view text);

    /// Whether --pod-eviction-timeout still exists in this version (it was removed in 1.27).
    bool hasPodEvictionTimeout() const;
};

} // namespace emu::api
