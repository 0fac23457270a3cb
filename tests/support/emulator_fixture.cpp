// SPDX-License-Identifier: Apache-2.0
#include "emulator_fixture.h"

namespace testsupport {

EmulatorFixture::EmulatorFixture(const std::string &yaml, emu::sim::Emulator::Options options)
{
    emu::api::ManifestLoader::Result loaded = emu::api::ManifestLoader::loadText(yaml, "test.yaml");
    emu::api::ManifestLoader::validate(loaded.manifests, loaded.diagnostics);
    diagnostics = loaded.diagnostics;
    if (emu::api::hasErrors(diagnostics))
        return;
    emulator = emu::sim::Emulator::create(loaded.manifests, options, diagnostics);
}

void EmulatorFixture::runTo(double seconds)
{
    emulator->runUntil(emu::SimTime::fromNs(static_cast<std::int64_t>(seconds * 1e9)));
}

std::vector<emu::report::EventRecord> EmulatorFixture::events(const std::string &reason,
                                                              const std::string &name) const
{
    std::vector<emu::report::EventRecord> out;
    for (const auto &e : emulator->events().events())
        if (e.reason == reason && (name.empty() || e.name == name))
            out.push_back(e);
    return out;
}

std::vector<double> EmulatorFixture::taintTimes(const std::string &key, const std::string &effect) const
{
    std::vector<double> out;
    for (const auto &e : events("NodeTaintAdded")) {
        const emu::api::Value *k = e.details.find("key");
        const emu::api::Value *f = e.details.find("effect");
        if (k && f && k->text() == key && f->text() == effect)
            out.push_back(static_cast<double>(e.timeNs) / 1e9);
    }
    return out;
}

std::string EmulatorFixture::readyStatus(const std::string &node) const
{
    auto n = emulator->store().nodes().get(node);
    const emu::store::NodeCondition *c = n ? n->condition("Ready") : nullptr;
    return c ? c->status : std::string("<none>");
}

bool EmulatorFixture::hasTaint(const std::string &node, const std::string &key,
                               const std::string &effect) const
{
    auto n = emulator->store().nodes().get(node);
    return n && n->hasTaint(key, effect);
}

double EmulatorFixture::lastLeaseRenewSeconds(const std::string &node) const
{
    auto lease = emulator->store().leases().get("kube-node-lease/" + node);
    return lease && lease->renewTime ? lease->renewTime->toSeconds() : -1;
}

std::string clusterYaml(const std::vector<std::string> &zones, int perZone,
                        const std::string &actions, const std::string &clusterExtra,
                        const std::string &duration)
{
    std::string yaml = "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata:\n  name: test\n"
                       "spec:\n  kubernetesVersion: \"1.32\"\n"
                       + clusterExtra;
    for (const std::string &zone : zones)
        yaml += "---\napiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata:\n  name: " + zone
                + "\nspec:\n  count: " + std::to_string(perZone) + "\n  zones: [" + zone + "]\n";
    yaml += "---\napiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n"
            "  duration: " + duration + "\n  seed: 7\n"
            + (actions.empty() ? std::string("  actions: []\n") : "  actions:\n" + actions);
    return yaml;
}

} // namespace testsupport
