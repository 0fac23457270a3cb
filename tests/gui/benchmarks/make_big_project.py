#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a large KubeCanvas project for the GUI benchmark (docs/benchmarks.md):
500 Node manifests in 3 zones, 10 namespaces, 5,000 Deployments (each with a comment, a
nodeSelector, ports and requests) and 2,500 Services selecting them.

    python3 tests/gui/benchmarks/make_big_project.py /tmp/big.yaml
"""
import sys

ZONES = ['zone-a', 'zone-b', 'zone-c']


def documents():
    yield 'apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata:\n  name: big\nspec:\n  kubernetesVersion: "1.32"\n'
    for i in range(500):
        yield (f'apiVersion: v1\nkind: Node\nmetadata:\n  name: node-{i}\n  labels:\n'
               f'    topology.kubernetes.io/zone: {ZONES[i % 3]}\n    pool: p{i % 5}\n'
               'status:\n  capacity:\n    cpu: "8"\n    memory: 32Gi\n    pods: "110"\n')
    for ns in range(10):
        yield f'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-{ns}\n'
    for w in range(5000):
        ns = w % 10
        yield (f'# workload {w}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{w}\n'
               f'  namespace: team-{ns}\n  labels:\n    app: app-{w}\nspec:\n  replicas: 3\n'
               f'  selector:\n    matchLabels:\n      app: app-{w}\n  template:\n    metadata:\n'
               f'      labels:\n        app: app-{w}\n    spec:\n      nodeSelector:\n        pool: p{w % 5}\n'
               f'      containers:\n      - name: main\n        image: registry.example.com/app-{w}:1.0\n'
               '        ports:\n        - containerPort: 8080\n        resources:\n          requests:\n'
               '            cpu: 100m\n            memory: 128Mi\n')
        if w % 2 == 0:
            yield (f'apiVersion: v1\nkind: Service\nmetadata:\n  name: app-{w}\n  namespace: team-{ns}\n'
                   f'spec:\n  selector:\n    app: app-{w}\n  ports:\n  - port: 80\n    targetPort: 8080\n')


with open(sys.argv[1] if len(sys.argv) > 1 else 'big.yaml', 'w') as out:
    out.write('---\n'.join(documents()))
