// SPDX-License-Identifier: Apache-2.0
#include "cluster_spec.h"

#include "ipv4_cidr.h"
#include "spec_field_reader.h"

#include <charconv>

namespace emu::api {

namespace {

std::optional<int> parseNumber(std::string_view s)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

// Reads one optional duration field of `parent` into `target` (milliseconds). Durations
// must be positive unless `allowZero` (the graceful-shutdown fields use 0 for "off").
const Value *readDuration(SpecFieldReader &r, const Value &parent, std::string_view key,
                          const std::string &parentPath, std::int64_t &target, bool allowZero = false)
{
    const Value *v = SpecFieldReader::field(parent, key);
    if (!v)
        return nullptr;
    const std::string path = SpecFieldReader::child(parentPath, key);
    const auto ms = r.durationMs(*v, path);
    if (!ms)
        return v;
    if (*ms < 0 || (*ms == 0 && !allowZero)) {
        r.error(*v, path, std::string("must be ") + (allowZero ? "zero or positive" : "positive")
                              + ", not \"" + v->text() + "\"");
        return v;
    }
    target = *ms;
    return v;
}

const Value *readNumber(SpecFieldReader &r, const Value &parent, std::string_view key,
                        const std::string &parentPath, double &target)
{
    const Value *v = SpecFieldReader::field(parent, key);
    if (!v)
        return nullptr;
    if (auto d = r.numberValue(*v, SpecFieldReader::child(parentPath, key)))
        target = *d;
    return v;
}

const Value *readInt(SpecFieldReader &r, const Value &parent, std::string_view key,
                     const std::string &parentPath, std::int64_t &target)
{
    const Value *v = SpecFieldReader::field(parent, key);
    if (!v)
        return nullptr;
    if (auto i = r.intValue(*v, SpecFieldReader::child(parentPath, key)))
        target = *i;
    return v;
}

const Value *readString(SpecFieldReader &r, const Value &parent, std::string_view key,
                        const std::string &parentPath, std::string &target)
{
    const Value *v = SpecFieldReader::field(parent, key);
    if (!v)
        return nullptr;
    if (auto s = r.stringValue(*v, SpecFieldReader::child(parentPath, key)))
        target = *s;
    return v;
}

void decodeControllerManager(SpecFieldReader &r, const Value &cm, const Value &fallback,
                             ClusterSpec &spec)
{
    const std::string path = "spec.controllerManager";
    auto &c = spec.controllerManager;
    r.warnUnknownFields(cm,
                          {"nodeMonitorPeriod", "nodeMonitorGracePeriod", "nodeStartupGracePeriod",
                           "nodeEvictionRate", "secondaryNodeEvictionRate", "unhealthyZoneThreshold",
                           "largeClusterSizeThreshold", "clusterCIDR", "nodeCIDRMaskSize",
                           "podEvictionTimeout"},
                          path);
    readDuration(r, cm, "nodeMonitorPeriod", path, c.nodeMonitorPeriodMs);
    readDuration(r, cm, "nodeMonitorGracePeriod", path, c.nodeMonitorGracePeriodMs);
    readDuration(r, cm, "nodeStartupGracePeriod", path, c.nodeStartupGracePeriodMs);

    for (auto [key, target] : {std::pair{"nodeEvictionRate", &c.nodeEvictionRate},
                               std::pair{"secondaryNodeEvictionRate", &c.secondaryNodeEvictionRate}}) {
        const double before = *target;
        if (const Value *v = readNumber(r, cm, key, path, *target); v && *target < 0) {
            r.error(*v, SpecFieldReader::child(path, key), "must be >= 0 (nodes per second)");
            *target = before;
        }
    }
    const double threshold = c.unhealthyZoneThreshold;
    if (const Value *v = readNumber(r, cm, "unhealthyZoneThreshold", path, c.unhealthyZoneThreshold);
        v && (c.unhealthyZoneThreshold < 0 || c.unhealthyZoneThreshold > 1)) {
        r.error(*v, path + ".unhealthyZoneThreshold", "must be a fraction in [0, 1]");
        c.unhealthyZoneThreshold = threshold;
    }
    const std::int64_t large = c.largeClusterSizeThreshold;
    if (const Value *v = readInt(r, cm, "largeClusterSizeThreshold", path, c.largeClusterSizeThreshold);
        v && c.largeClusterSizeThreshold < 0) {
        r.error(*v, path + ".largeClusterSizeThreshold", "must be >= 0 (nodes)");
        c.largeClusterSizeThreshold = large;
    }

    // --cluster-cidr and --node-cidr-mask-size feed the RangeAllocator (nodeipam controller).
    const std::string defaultCidr = c.clusterCIDR;
    const Value *cidrValue = readString(r, cm, "clusterCIDR", path, c.clusterCIDR);
    auto cidr = Ipv4Cidr::parse(c.clusterCIDR);
    if (!cidr) {
        r.error(*cidrValue, path + ".clusterCIDR",
                "invalid IPv4 CIDR \"" + c.clusterCIDR + "\" (expected a.b.c.d/n)");
        c.clusterCIDR = defaultCidr;
        cidr = Ipv4Cidr::parse(defaultCidr);
    } else if (cidr->hasHostBits()) {
        r.warning(*cidrValue, path + ".clusterCIDR",
                  "\"" + c.clusterCIDR + "\" has host bits set; the network is " + cidr->toString());
    }
    const std::int64_t mask = c.nodeCIDRMaskSize;
    if (const Value *v = readInt(r, cm, "nodeCIDRMaskSize", path, c.nodeCIDRMaskSize)) {
        const std::string maskPath = path + ".nodeCIDRMaskSize";
        std::string problem;
        if (c.nodeCIDRMaskSize <= cidr->prefixLength || c.nodeCIDRMaskSize > 30)
            problem = "must be greater than the cluster CIDR's prefix (/" + std::to_string(cidr->prefixLength)
                      + ") and at most 30";
        else if (c.nodeCIDRMaskSize - cidr->prefixLength > 16)
            problem = "may be at most 16 bits longer than the cluster CIDR's prefix (/"
                      + std::to_string(cidr->prefixLength) + "): the RangeAllocator's bitmap limit";
        if (!problem.empty()) {
            r.error(*v, maskPath, problem);
            c.nodeCIDRMaskSize = mask;
        }
    } else if (c.nodeCIDRMaskSize <= cidr->prefixLength || c.nodeCIDRMaskSize - cidr->prefixLength > 16) {
        r.error(cidrValue ? *cidrValue : fallback, path + ".clusterCIDR",
                "leaves no room for the default /24 node ranges; set nodeCIDRMaskSize too");
    }

    if (const Value *v = readDuration(r, cm, "podEvictionTimeout", path, c.podEvictionTimeoutMs);
        v && !spec.hasPodEvictionTimeout()) {
        r.warning(*v, path + ".podEvictionTimeout",
                  "--pod-eviction-timeout was removed in Kubernetes 1.27 (PR kubernetes#115840) and is "
                  "ignored for " + spec.kubernetesVersion
                      + ": pods leave unreachable nodes after their tolerationSeconds (300s by default)");
    }
}

void decodeKubelet(SpecFieldReader &r, const Value &k, ClusterSpec &spec)
{
    const std::string path = "spec.kubelet";
    auto &c = spec.kubelet;
    r.warnUnknownFields(k,
                          {"nodeStatusUpdateFrequency", "nodeStatusReportFrequency",
                           "nodeLeaseDurationSeconds", "shutdownGracePeriod",
                           "shutdownGracePeriodCriticalPods", "shutdownGracePeriodByPodPriority"},
                          path);
    const Value *update = readDuration(r, k, "nodeStatusUpdateFrequency", path, c.nodeStatusUpdateFrequencyMs);
    const Value *report = readDuration(r, k, "nodeStatusReportFrequency", path, c.nodeStatusReportFrequencyMs);
    // KubeletConfiguration defaulting (v1beta1 SetDefaults_KubeletConfiguration): for backward
    // compatibility an explicit nodeStatusUpdateFrequency is also the report frequency.
    if (update && !report)
        c.nodeStatusReportFrequencyMs = c.nodeStatusUpdateFrequencyMs;

    const std::int64_t lease = c.nodeLeaseDurationSeconds;
    if (const Value *v = readInt(r, k, "nodeLeaseDurationSeconds", path, c.nodeLeaseDurationSeconds);
        v && c.nodeLeaseDurationSeconds <= 0) {
        r.error(*v, path + ".nodeLeaseDurationSeconds", "must be greater than 0");
        c.nodeLeaseDurationSeconds = lease;
    }

    readDuration(r, k, "shutdownGracePeriod", path, c.shutdownGracePeriodMs, true);
    const Value *critical = readDuration(r, k, "shutdownGracePeriodCriticalPods", path,
                                         c.shutdownGracePeriodCriticalPodsMs, true);
    // kubelet config validation: the critical-pods tail is part of the total period.
    if (c.shutdownGracePeriodCriticalPodsMs > c.shutdownGracePeriodMs) {
        r.error(critical ? *critical : k, path + ".shutdownGracePeriodCriticalPods",
                "must be <= shutdownGracePeriod");
        c.shutdownGracePeriodCriticalPodsMs = 0;
    }
    // shutdownGracePeriodByPodPriority: [{priority, shutdownGracePeriodSeconds}]; it replaces
    // the two-phase settings, which must then be unset (kubelet config validation).
    if (const Value *list = k.find("shutdownGracePeriodByPodPriority")) {
        const std::string listPath = path + ".shutdownGracePeriodByPodPriority";
        if (!list->isSequence()) {
            r.error(*list, listPath, "must be a list of {priority, shutdownGracePeriodSeconds}");
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Value &item = list->at(i);
            const std::string itemPath = listPath + "[" + std::to_string(i) + "]";
            const Value *priority = item.isMapping() ? item.find("priority") : nullptr;
            const Value *seconds = item.isMapping() ? item.find("shutdownGracePeriodSeconds") : nullptr;
            const auto p = priority ? priority->asInt() : std::nullopt;
            const auto g = seconds ? seconds->asInt() : std::nullopt;
            if (!p || !g || *g < 0) {
                r.error(item, itemPath, "needs integer priority and shutdownGracePeriodSeconds >= 0");
                continue;
            }
            c.shutdownGracePeriodByPodPriority.push_back({*p, *g});
        }
        if (!c.shutdownGracePeriodByPodPriority.empty() && (c.shutdownGracePeriodMs || c.shutdownGracePeriodCriticalPodsMs))
            r.error(*list, listPath, "cannot be combined with shutdownGracePeriod or shutdownGracePeriodCriticalPods");
    }
}

void decodeNetwork(SpecFieldReader &r, const Value &n, ClusterSpec &spec)
{
    const std::string path = "spec.network";
    auto &c = spec.network;
    r.warnUnknownFields(n, {"serviceCIDR", "serviceNodePortRange"}, path);

    const std::string defaultCidr = c.serviceCIDR;
    if (const Value *v = readString(r, n, "serviceCIDR", path, c.serviceCIDR)) {
        const auto cidr = Ipv4Cidr::parse(c.serviceCIDR);
        if (!cidr) {
            r.error(*v, path + ".serviceCIDR", "invalid IPv4 CIDR \"" + c.serviceCIDR + "\" (expected a.b.c.d/n)");
            c.serviceCIDR = defaultCidr;
        } else if (cidr->prefixLength < 12) {
            // kube-apiserver: "for 32-bit addresses, the mask must be >= 12" (at most 20 bits).
            r.error(*v, path + ".serviceCIDR", "is too large: the prefix length must be >= 12");
            c.serviceCIDR = defaultCidr;
        } else if (const auto pods = Ipv4Cidr::parse(spec.controllerManager.clusterCIDR);
                   pods && pods->overlaps(*cidr)) {
            r.warning(*v, path + ".serviceCIDR",
                      "overlaps the cluster CIDR " + pods->toString() + "; the node IPAM controller reserves it");
        }
    }

    if (const Value *v = readString(r, n, "serviceNodePortRange", path, c.serviceNodePortRange)) {
        // utilnet.ParsePortRange accepts "low-high", "base+offset" or a single port.
        const std::string &text = c.serviceNodePortRange;
        std::optional<int> low, high;
        if (const auto dash = text.find('-'); dash != std::string::npos) {
            low = parseNumber(std::string_view(text).substr(0, dash));
            high = parseNumber(std::string_view(text).substr(dash + 1));
        } else if (const auto plus = text.find('+'); plus != std::string::npos) {
            low = parseNumber(std::string_view(text).substr(0, plus));
            const auto offset = parseNumber(std::string_view(text).substr(plus + 1));
            if (low && offset)
                high = *low + *offset;
        } else {
            low = high = parseNumber(text);
        }
        if (!low || !high || *low < 1 || *high > 65535 || *low > *high) {
            r.error(*v, path + ".serviceNodePortRange",
                    "invalid port range \"" + text + "\" (expected low-high within 1-65535, e.g. \"30000-32767\")");
            c.serviceNodePortRange = "30000-32767";
        } else {
            c.nodePortMin = *low;
            c.nodePortMax = *high;
        }
    }
}

} // namespace

ClusterSpec ClusterSpec::defaultsFor(int major, int minor)
{
    ClusterSpec spec;
    spec.kubernetesVersion = std::to_string(major) + "." + std::to_string(minor);
    spec.versionMajor = major;
    spec.versionMinor = minor;
    // --node-monitor-grace-period: 40s up to 1.31, 50s since 1.32 (PR kubernetes#126287,
    // issue #121793: 40s was shorter than client-go's 45s HTTP/2 health check).
    const bool from132 = major > 1 || (major == 1 && minor >= 32);
    spec.controllerManager.nodeMonitorGracePeriodMs = from132 ? 50'000 : 40'000;
    return spec;
}

std::optional<std::pair<int, int>> ClusterSpec::parseVersion(std::string_view text)
{
    if (!text.empty() && text.front() == 'v')
        text.remove_prefix(1);
    const auto dot = text.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    const auto major = parseNumber(text.substr(0, dot));
    std::string_view rest = text.substr(dot + 1);
    const auto dot2 = rest.find('.');
    const auto minor = parseNumber(rest.substr(0, dot2));
    if (!major || !minor || *major < 0 || *minor < 0)
        return std::nullopt;
    if (dot2 != std::string_view::npos) {
        const auto patch = parseNumber(rest.substr(dot2 + 1));
        if (!patch || *patch < 0)
            return std::nullopt;
    }
    return std::pair{*major, *minor};
}

bool ClusterSpec::hasPodEvictionTimeout() const
{
    return versionMajor == 1 && versionMinor < 27;
}

ClusterSpec ClusterSpec::fromObject(const Value &object, const std::string &file, Diagnostics &out)
{
    SpecFieldReader r(file, out);
    ClusterSpec spec = defaultsFor(1, 32);
    const Value *s = r.mappingField(object, "spec", "spec");
    if (!s)
        return spec;
    r.warnUnknownFields(*s, {"kubernetesVersion", "controllerManager", "kubelet", "network"}, "spec");

    if (const Value *v = SpecFieldReader::field(*s, "kubernetesVersion")) {
        // An unquoted `1.32` is a YAML float; its source text is kept, so accept it as written.
        const auto version = v->isScalar() ? parseVersion(v->text()) : std::nullopt;
        if (!version) {
            r.error(*v, "spec.kubernetesVersion",
                    "invalid version \"" + v->text() + "\" (expected MAJOR.MINOR such as \"1.32\" or \"v1.32.1\")");
        } else {
            spec = defaultsFor(version->first, version->second);
            spec.kubernetesVersion = v->text();
            if (version->first != 1 || version->second < kOldestKnownMinor || version->second > kNewestKnownMinor)
                r.warning(*v, "spec.kubernetesVersion",
                          "version " + v->text() + " is outside 1." + std::to_string(kOldestKnownMinor) + "..1."
                              + std::to_string(kNewestKnownMinor)
                              + "; the nearest known release's behaviour is emulated");
        }
    }
    if (const Value *cm = r.mappingField(*s, "controllerManager", "spec.controllerManager"))
        decodeControllerManager(r, *cm, *s, spec);
    if (const Value *k = r.mappingField(*s, "kubelet", "spec.kubelet"))
        decodeKubelet(r, *k, spec);
    if (const Value *n = r.mappingField(*s, "network", "spec.network"))
        decodeNetwork(r, *n, spec);

    // The controller's grace period must outlast a few lease renewals (every leaseDuration/4),
    // or healthy nodes flap NotReady (kcm --node-monitor-grace-period help text).
    const std::int64_t renewMs = spec.kubelet.nodeLeaseDurationSeconds * 1000 / 4;
    if (spec.controllerManager.nodeMonitorGracePeriodMs <= renewMs) {
        const Value *cm = SpecFieldReader::field(*s, "controllerManager");
        const Value *at = cm ? SpecFieldReader::field(*cm, "nodeMonitorGracePeriod") : nullptr;
        r.warning(at ? *at : *s, "spec.controllerManager.nodeMonitorGracePeriod",
                  "is not longer than the kubelet's lease renew interval ("
                      + std::to_string(renewMs) + "ms); healthy nodes will flap NotReady");
    }
    return spec;
}

} // namespace emu::api
