// SPDX-License-Identifier: Apache-2.0
#include "kubecanvas_validation.h"

#include "cluster_spec.h"
#include "layout_spec.h"
#include "node_pool_spec.h"
#include "scenario_spec.h"
#include "spec_field_reader.h"

namespace emu::api {

void validateKubeCanvasObject(const Value &object, const std::string &file, Diagnostics &out)
{
    SpecFieldReader r(file, out);
    if (!object.isMapping()) {
        r.error(object, "", std::string("a Kubernetes object must be a mapping, not ") + Value::describe(object.kind()));
        return;
    }
    const Value *apiVersion = SpecFieldReader::field(object, "apiVersion");
    if (apiVersion && apiVersion->isString() && apiVersion->text() != "kubecanvas.io/v1alpha1") {
        r.error(*apiVersion, "apiVersion",
                "unsupported version \"" + apiVersion->text() + "\" (known: kubecanvas.io/v1alpha1)");
        return;
    }
    const Value *kind = SpecFieldReader::field(object, "kind");
    const std::string name = kind && kind->isString() ? kind->text() : std::string();
    if (name == "Cluster")
        ClusterSpec::fromObject(object, file, out);
    else if (name == "NodePool")
        NodePoolSpec::fromObject(object, file, out);
    else if (name == "Scenario")
        ScenarioSpec::fromObject(object, file, out);
    else if (name == "Layout")
        LayoutSpec::fromObject(object, file, out);
    else
        r.error(kind ? *kind : object, "kind",
                "unknown kind \"" + name + "\" in kubecanvas.io/v1alpha1 (known: Cluster, NodePool, Scenario, Layout)");
}

} // namespace emu::api
