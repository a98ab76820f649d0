{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "sample-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified name: the release name, unless it already contains the chart name. */}}
{{- define "sample-api.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "sample-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sample-api.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "sample-api.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "sample-api.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: strata
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "sample-api.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "sample-api.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image reference: repository@digest or repository:tag; never "latest", never implicit. */}}
{{- define "sample-api.image" -}}
{{- $image := .Values.image }}
{{- if $image.digest }}
{{- printf "%s@%s" $image.repository $image.digest }}
{{- else }}
{{- $tag := required "image.tag or image.digest is required: pin the image, e.g. --set image.tag=0.1.0" $image.tag }}
{{- if eq $tag "latest" }}
{{- fail "image.tag \"latest\" is not allowed: pin a version or a digest" }}
{{- end }}
{{- printf "%s:%s" $image.repository $tag }}
{{- end }}
{{- end }}

{{- define "sample-api.istio" -}}
{{- if or (eq .Values.mesh.mode "ambient") (eq .Values.mesh.mode "sidecar") }}true{{ end }}
{{- end }}

{{/* SPIFFE principal of a service account, as Istio's AuthorizationPolicy names it. */}}
{{- define "sample-api.principal" -}}
{{- printf "%s/ns/%s/sa/%s" .trustDomain .namespace .name }}
{{- end }}

{{- /* Ports a peer reaches this pod on: the app port, plus the mesh's tunnel port. */}}
{{- define "sample-api.inboundPorts" }}
        - protocol: TCP
          port: {{ .Values.containerPort }}
        {{- if eq .Values.mesh.mode "ambient" }}
        # HBONE: ztunnel-to-ztunnel mTLS tunnel
        - protocol: TCP
          port: 15008
        {{- else if eq .Values.mesh.mode "linkerd" }}
        # linkerd-proxy inbound
        - protocol: TCP
          port: 4143
        {{- end }}
{{- end }}
