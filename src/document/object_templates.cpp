// SPDX-License-Identifier: Apache-2.0
#include "object_templates.h"

#include <map>

namespace app::document::ObjectTemplates {

namespace {

struct Template
{
    const char *kind;
    const char *name;
    bool namespaced;
    const char *body; ///< after the metadata: NAME and NAMESPACE are filled in
};

// A workload's pod template, shared by the workload kinds.
#define POD_TEMPLATE(indent)                                                                   \
    indent "metadata:\n" indent "  labels:\n" indent "    app: NAME\n" indent "spec:\n"          \
    indent "  containers:\n" indent "  - name: NAME\n" indent "    image: nginx:1.27\n"           \
    indent "    ports:\n" indent "    - containerPort: 80\n" indent "    resources:\n"           \
    indent "      requests:\n" indent "        cpu: 100m\n" indent "        memory: 128Mi\n"

const Template templates[] = {
    {"Namespace", "team", false, ""},
    {"Deployment", "web", true,
     "spec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: NAME\n  template:\n"
     POD_TEMPLATE("    ")},
    {"StatefulSet", "db", true,
     "spec:\n  serviceName: NAME\n  replicas: 3\n  selector:\n    matchLabels:\n      app: NAME\n"
     "  template:\n" POD_TEMPLATE("    ")
     "  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n"
     "      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n"
     "          storage: 10Gi\n"},
    {"DaemonSet", "agent", true,
     "spec:\n  selector:\n    matchLabels:\n      app: NAME\n  template:\n" POD_TEMPLATE("    ")},
    {"Job", "migrate", true,
     "spec:\n  backoffLimit: 6\n  template:\n    spec:\n      restartPolicy: Never\n"
     "      containers:\n      - name: NAME\n        image: busybox:1.36\n"
     "        command: [sh, -c, \"echo done\"]\n"},
    {"CronJob", "report", true,
     "spec:\n  schedule: \"0 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n"
     "        spec:\n          restartPolicy: OnFailure\n          containers:\n"
     "          - name: NAME\n            image: busybox:1.36\n"
     "            command: [sh, -c, \"date\"]\n"},
    {"Pod", "debug", true,
     "spec:\n  containers:\n  - name: NAME\n    image: busybox:1.36\n"
     "    command: [sleep, \"3600\"]\n"},
    {"Service", "web", true,
     "spec:\n  selector:\n    app: NAME\n  ports:\n  - port: 80\n    targetPort: 80\n"},
    {"Ingress", "web", true,
     "spec:\n  rules:\n  - host: NAME.example.com\n    http:\n      paths:\n      - path: /\n"
     "        pathType: Prefix\n        backend:\n          service:\n            name: NAME\n"
     "            port:\n              number: 80\n"},
    {"NetworkPolicy", "allow-web", true,
     "spec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Ingress]\n"
     "  ingress:\n  - ports:\n    - port: 80\n"},
    {"ConfigMap", "settings", true, "data:\n  mode: production\n"},
    {"Secret", "credentials", true, "type: Opaque\nstringData:\n  password: change-me\n"},
    {"PersistentVolumeClaim", "data", true,
     "spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Gi\n"},
    {"PersistentVolume", "pv", false,
     "spec:\n  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteOnce]\n"
     "  hostPath:\n    path: /data/NAME\n"},
    {"StorageClass", "standard", false,
     "provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n"},
    {"PodDisruptionBudget", "web", true,
     "spec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: NAME\n"},
    {"HorizontalPodAutoscaler", "web", true,
     "spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: NAME\n"
     "  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n  - type: Resource\n    resource:\n"
     "      name: cpu\n      target:\n        type: Utilization\n        averageUtilization: 70\n"},
    {"PriorityClass", "high", false,
     "value: 1000000\nglobalDefault: false\ndescription: \"Business-critical workloads.\"\n"},
    {"ServiceAccount", "app", true, ""},
    {"Node", "node-1", false,
     "status:\n  capacity:\n    cpu: \"4\"\n    memory: 16Gi\n    pods: \"110\"\n"},
    {"NodePool", "workers", false,
     "spec:\n  count: 3\n  zones: [zone-a, zone-b, zone-c]\n  template:\n    capacity:\n"
     "      cpu: \"4\"\n      memory: 16Gi\n      pods: \"110\"\n"},
    {"Cluster", "cluster", false, "spec:\n  kubernetesVersion: \"1.32\"\n"},
    {"Scenario", "node-crash", false,
     "spec:\n  duration: 15m\n  seed: 1\n  actions:\n  - at: 1m\n    type: NodeCrash\n"
     "    target:\n      node: workers-0\n"},
};

#undef POD_TEMPLATE

const char *apiVersionOf(const std::string &kind)
{
    static const std::map<std::string, const char *> versions = {
        {"Deployment", "apps/v1"}, {"StatefulSet", "apps/v1"}, {"DaemonSet", "apps/v1"},
        {"Job", "batch/v1"}, {"CronJob", "batch/v1"}, {"Ingress", "networking.k8s.io/v1"},
        {"NetworkPolicy", "networking.k8s.io/v1"}, {"StorageClass", "storage.k8s.io/v1"},
        {"PodDisruptionBudget", "policy/v1"}, {"HorizontalPodAutoscaler", "autoscaling/v2"},
        {"PriorityClass", "scheduling.k8s.io/v1"}, {"NodePool", "kubecanvas.io/v1alpha1"},
        {"Cluster", "kubecanvas.io/v1alpha1"}, {"Scenario", "kubecanvas.io/v1alpha1"}};
    const auto it = versions.find(kind);
    return it == versions.end() ? "v1" : it->second;
}

const Template *find(const QString &kind)
{
    for (const Template &t : templates)
        if (kind == QLatin1String(t.kind))
            return &t;
    return nullptr;
}

void replaceAll(std::string &text, std::string_view from, const std::string &to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

} // namespace

QStringList kinds()
{
    QStringList out;
    for (const Template &t : templates)
        out << QString::fromLatin1(t.kind);
    return out;
}

std::string text(const QString &kind, const std::string &name, const std::string &namespaceName)
{
    const Template *t = find(kind);
    if (!t)
        return {};
    std::string out = std::string("apiVersion: ") + apiVersionOf(t->kind) + "\nkind: " + t->kind
                      + "\nmetadata:\n  name: " + name + "\n";
    if (t->namespaced && !namespaceName.empty())
        out += "  namespace: " + namespaceName + "\n";
    std::string body = t->body;
    replaceAll(body, "NAME", name);
    return out + body;
}

std::string suggestedName(const QString &kind)
{
    const Template *t = find(kind);
    return t ? t->name : "object";
}

} // namespace app::document::ObjectTemplates
