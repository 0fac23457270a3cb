// SPDX-License-Identifier: Apache-2.0
#include "canvas_style.h"

#include <array>

namespace app::canvas::CanvasStyle {

namespace {

struct KindInfo
{
    std::string_view kind;
    int row;
    QRgb colour;
};

// Families of kinds, in the order they are laid out in a namespace group.
constexpr std::array kKinds{
    KindInfo{"Ingress", 0, 0x7e57c2},        KindInfo{"Service", 0, 0x1e88e5},
    KindInfo{"Deployment", 1, 0x43a047},     KindInfo{"StatefulSet", 1, 0x43a047},
    KindInfo{"DaemonSet", 1, 0x43a047},      KindInfo{"ReplicaSet", 1, 0x43a047},
    KindInfo{"ReplicationController", 1, 0x43a047},
    KindInfo{"Job", 1, 0x00897b},            KindInfo{"CronJob", 1, 0x00897b},
    KindInfo{"Pod", 1, 0x66bb6a},
    KindInfo{"HorizontalPodAutoscaler", 2, 0xf4511e},
    KindInfo{"PodDisruptionBudget", 2, 0xe53935}, KindInfo{"NetworkPolicy", 2, 0x8e24aa},
    KindInfo{"PersistentVolumeClaim", 3, 0x6d4c41}, KindInfo{"ConfigMap", 3, 0xfb8c00},
    KindInfo{"Secret", 3, 0xc0ca33},         KindInfo{"ServiceAccount", 3, 0x546e7a},
    KindInfo{"Namespace", 0, 0x546e7a},      KindInfo{"PersistentVolume", 1, 0x6d4c41},
    KindInfo{"StorageClass", 1, 0x6d4c41},   KindInfo{"PriorityClass", 1, 0xf4511e},
    KindInfo{"Cluster", 0, 0x3949ab},        KindInfo{"Scenario", 0, 0x3949ab},
    KindInfo{"NodePool", 0, 0x326ce5},       KindInfo{"Node", 0, 0x326ce5},
};

const KindInfo *info(std::string_view kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return &k;
    return nullptr;
}

} // namespace

QColor namespaceColour(std::string_view namespaceName)
{
    // FNV-1a: the same name gives the same hue everywhere.
    quint32 hash = 2166136261u;
    for (char c : namespaceName)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return QColor::fromHsv(int(hash % 360), 110, 215);
}

QColor kindColour(std::string_view kind)
{
    const KindInfo *k = info(kind);
    return QColor(k ? k->colour : 0x78909c);
}

int kindRank(std::string_view kind)
{
    const KindInfo *k = info(kind);
    return k ? int(k - kKinds.data()) : int(kKinds.size());
}

int kindRow(std::string_view kind)
{
    const KindInfo *k = info(kind);
    return k ? k->row : 4;
}

} // namespace app::canvas::CanvasStyle
