#!/usr/bin/env python3
"""Generates the benchmark corpus: N manifests (ConfigMaps, Deployments, Services in equal parts,
each Service selecting its Deployment, each Deployment reading its ConfigMap; a clean tree), written both as one
multi-document file and as one file per manifest.

usage: gen-corpus.py OUT_DIR [N]   (default N=5000)
"""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
apps = (n + 2) // 3

def deployment(i):
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  namespace: team-{i % 20}
  labels: {{app: app-{i}}}
spec:
  replicas: 2
  selector:
    matchLabels: {{app: app-{i}}}
  template:
    metadata:
      labels: {{app: app-{i}}}
    spec:
      securityContext: {{runAsNonRoot: true, seccompProfile: {{type: RuntimeDefault}}}}
      containers:
        - name: app
          image: registry.local/app:{i % 7}.0.{i % 13}
          ports:
            - {{name: http, containerPort: 8080}}
          envFrom:
            - configMapRef: {{name: app-{i}-config}}
          resources:
            requests: {{cpu: 50m, memory: 64Mi}}
            limits: {{memory: 128Mi}}
          readinessProbe: {{httpGet: {{path: /ready, port: http}}}}
          livenessProbe: {{httpGet: {{path: /health, port: http}}}}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {{drop: [ALL]}}
"""

def service(i):
    return f"""apiVersion: v1
kind: Service
metadata:
  name: app-{i}
  namespace: team-{i % 20}
spec:
  selector: {{app: app-{i}}}
  ports:
    - {{name: http, port: 80, targetPort: http}}
"""

def configmap(i):
    return f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: app-{i}-config
  namespace: team-{i % 20}
data:
  LOG_LEVEL: info
  FEATURE_X: "on"
"""

docs = []
for i in range(apps):
    for make in (configmap, deployment, service):
        if len(docs) < n:
            docs.append((f"{make.__name__}-{i}.yaml", make(i)))

single = os.path.join(out, "single")
many = os.path.join(out, "many")
os.makedirs(single, exist_ok=True)
os.makedirs(many, exist_ok=True)
with open(os.path.join(single, "all.yaml"), "w") as f:
    f.write("---\n".join(d for _, d in docs))
for name, d in docs:
    with open(os.path.join(many, name), "w") as f:
        f.write(d)
print(f"{len(docs)} manifests in {single}/all.yaml and {many}/")
